/**
 * Defaults of a new install, as the KubeSphere 2.0.2 bundle ships them
 * (../shared/reference/kubesphere-2.0-installer.md §2). Where the installer's own default is a
 * placeholder such as SHOULD_BE_REPLACED, the wizard starts with an empty field instead, so the
 * "required" rules can point at it.
 */
import type { ExternalInstallerMachine, Host, InstallConfig, LoadBalancer } from './schema';
import { unsetSecret } from './secret';

export const DEFAULT_LB_PORT = 6443;
/** The port kube-apiserver listens on on every master (Kubespray's kube_apiserver_port): the LB's backends. */
export const APISERVER_PORT = 6443;
export const DEFAULT_LB_DOMAIN = 'lb.kubesphere.local';
export const DEFAULT_SERVICE_CIDR = '10.233.0.0/18';
export const DEFAULT_POD_CIDR = '10.233.64.0/18';
export const DEFAULT_CONSOLE_PORT = 30880;
/** NodePorts KubeSphere 2.0 reserves for Jenkins, Harbor and an internal service. */
export const RESERVED_NODE_PORTS = [30180, 30280, 30380] as const;
export const DEFAULT_JAVA_OPTS =
  '-Xms3g -Xmx6g -XX:MaxRAM=8g -Dhudson.slaves.NodeProvisioner.initialDelay=20 ' +
  '-Dhudson.slaves.NodeProvisioner.MARGIN=50 -Dhudson.slaves.NodeProvisioner.MARGIN0=0.85 ' +
  '-Dhudson.model.LoadStatistics.clock=5000 -Dhudson.model.LoadStatistics.decay=0.2 ' +
  '-Dhudson.slaves.NodeProvisioner.recurrencePeriod=5000 -Dhudson.security.csrf.DefaultCrumbIssuer.EXCLUDE_SESSION_ID=true ' +
  '-Dio.jenkins.plugins.casc.ConfigurationAsCode.initialDelay=10000 -Djenkins.install.runSetupWizard=false ' +
  '-XX:+UseG1GC -XX:+ExplicitGCInvokesConcurrent -XX:+ParallelRefProcEnabled -XX:+UseStringDeduplication ' +
  '-XX:+UnlockExperimentalVMOptions -XX:+UnlockDiagnosticVMOptions -XX:G1NewSizePercent=20 ' +
  '-XX:+PrintGCDetails -XX:+PrintGCDateStamps -XX:+PrintGC';

export function defaultHost(overrides: Partial<Host> = {}): Host {
  return {
    name: '',
    address: '',
    ip: '',
    port: 22,
    user: 'root',
    auth: { kind: 'password', password: unsetSecret() },
    becomePassword: unsetSecret(),
    taskbox: false,
    roles: { master: false, etcd: false, worker: false },
    ...overrides,
  };
}

/** An installer machine outside the cluster, with nothing entered yet. */
export function defaultExternalInstallerMachine(): ExternalInstallerMachine {
  return { kind: 'external', address: '', port: 22, user: 'root', auth: { kind: 'password', password: unsetSecret() }, becomePassword: unsetSecret() };
}

export function defaultExternalLoadBalancer(): Extract<LoadBalancer, { kind: 'external' }> {
  return { kind: 'external', address: '', port: DEFAULT_LB_PORT, domain: DEFAULT_LB_DOMAIN };
}

export function defaultConfig(clusterName = 'kubesphere'): InstallConfig {
  return {
    clusterName,
    target: '2.0.2',
    installer: { profile: 'kubesphere-2.0.2', bundlePath: '', machine: { kind: 'taskbox' } },
    hosts: [],
    loadBalancer: { kind: 'none' },
    network: {
      plugin: 'calico',
      serviceCidr: DEFAULT_SERVICE_CIDR,
      podCidr: DEFAULT_POD_CIDR,
      proxyMode: 'ipvs',
      maxPods: 110,
    },
    storage: {
      localVolume: { enabled: true, isDefault: true, storageClass: 'local' },
      nfs: { enabled: false, isDefault: false, server: '', path: '' },
      cephRbd: {
        enabled: false,
        isDefault: false,
        storageClass: 'rbd',
        monitors: [],
        adminId: 'admin',
        adminSecret: unsetSecret(),
        pool: 'rbd',
        userId: 'admin',
        userSecret: unsetSecret(),
        fsType: 'ext4',
        imageFormat: '1',
        imageFeatures: '',
      },
      glusterfs: {
        enabled: false,
        isDefault: false,
        storageClass: 'glusterfs',
        restAuthEnabled: true,
        restUrl: '',
        clusterId: '',
        restUser: 'admin',
        secretName: 'heketi-secret',
        gidMin: 40000,
        gidMax: 50000,
        volumeType: 'replicate:2',
        jwtAdminKey: unsetSecret(),
      },
      qingcloudCsi: {
        enabled: false,
        isDefault: false,
        type: 2,
        maxSize: 5000,
        minSize: 100,
        stepSize: 50,
        fsType: 'ext4',
        diskReplica: 2,
      },
      neonsan: {
        enabled: false,
        isDefault: false,
        protocol: 'TCP',
        serverAddress: '',
        clusterName: '',
        pool: 'kube',
        replicas: 1,
        stepSize: 1,
        fsType: 'ext4',
      },
    },
    qingcloud: {
      accessKeyId: '',
      secretAccessKey: unsetSecret(),
      zone: '',
      host: 'api.qingcloud.com',
      port: 443,
      protocol: 'https',
      uri: '/iaas',
      connectionRetries: 3,
      connectionTimeout: 30,
      lbEnabled: false,
      vxnetId: '',
    },
    options: {
      console: { port: DEFAULT_CONSOLE_PORT, disableMultiLogin: true },
      imagePullPolicy: 'IfNotPresent',
      registryMirrors: [],
      periodicCleaningTime: 'weekly',
      etcdBackup: { period: 30, keep: 5, dir: '/var/backups/kube_etcd' },
      monitoring: { prometheusReplica: 2, prometheusMemory: '400Mi', prometheusVolume: '20Gi' },
      logging: {
        keepLogDays: 7,
        kibanaEnabled: false,
        elasticsearchVolume: '20Gi',
        elasticsearchMasterReplica: 1,
        elasticsearchDataReplica: 2,
        elkPrefix: 'logstash',
      },
      devops: {
        jenkinsMemoryLimit: '8Gi',
        jenkinsMemoryRequest: '4Gi',
        javaOpts: DEFAULT_JAVA_OPTS,
        jenkinsLocationUrl: 'jenkins.devops.kubesphere.local',
        sonarqubeEnabled: true,
      },
      email: {
        smtpHost: 'mail.example.com',
        smtpPort: 465,
        fromAddress: 'admin@example.com',
        fromName: 'KubeSphere',
        password: unsetSecret(),
        useSsl: false,
      },
      harbor: { enabled: false, domain: 'harbor.devops.kubesphere.local' },
      gitlab: { enabled: false, hostsDomain: 'devops.kubesphere.local' },
    },
  };
}

/**
 * A host nothing has been typed into yet (as "Add host" creates it): no name, address or IP and no
 * credential. The wizard shows such a host as "not filled in yet", not as red errors.
 */
export function isBlankHost(host: Pick<Host, 'name' | 'address' | 'ip' | 'auth'>): boolean {
  const credential = host.auth.kind === 'password' ? host.auth.password.set : host.auth.privateKey.set;
  return host.name.trim() === '' && host.address.trim() === '' && host.ip.trim() === '' && !credential;
}
