/**
 * conf/vars.yml for the KubeSphere 2.0.2 installer, in the shipped file's section order
 * (reference §2.1): the QingCloud API block (`##config`), the QingCloud LB plugin, the
 * `# Storage configuration` banner (local volume, QingCloud CSI, Ceph RBD, NFS client, NeonSAN,
 * GlusterFS), then the `# Cluster configuration` banner (versions, network, LB, Docker, etcd
 * backup, console, monitoring, logging, DevOps, e-mail, Harbor, GitLab, SonarQube, GPU).
 *
 * Invariants:
 * - Key names come from keys.ts for `config.target`; values only from `yamlScalar` (the `yaml`
 *   library, YAML 1.1); comments are fixed text, never user strings.
 * - Empty model values are written as the installer's own placeholders (SHOULD_BE_REPLACED,
 *   ACCESS_KEY_ID, ZONE, IP:PORT, CLUSTER_NAME); unset secrets likewise (SHOULD_BE_REPLACED,
 *   ACCESS_KEY_SECRET). Set secrets are MASK in placeholder mode and their value in reveal mode.
 * - `loadbalancer_apiserver` is uncommented only for an external LB; the domain only when it
 *   differs from lb.kubesphere.local. Registry mirrors and ceph_rbd_imageFeatures are commented
 *   out when empty. Nested lines are indented by two spaces.
 */
import { DEFAULT_LB_DOMAIN, DEFAULT_LB_PORT } from '../config/defaults';
import { loadBalancerEndpoint } from '../config/lb-endpoint';
import type { InstallConfig } from '../config/schema';
import type { ValidInstallConfig } from '../config/validate';
import { InstallerRenderError } from './errors';
import { keyFor, TARGET_CONSTANTS } from './keys';
import { secretText, type SecretMode } from './placeholders';
import { VARS_FIELDS, type ScalarFieldId } from './vars-fields';
import { yamlScalar } from './yaml-scalar';

export interface VarsYmlOptions {
  secrets: SecretMode;
}

type Entry =
  | { kind: 'lines'; lines: readonly string[] }
  | { kind: 'field'; id: ScalarFieldId }
  | { kind: 'constant'; key: string }
  | { kind: 'loadBalancer' };

const text = (...lines: string[]): Entry => ({ kind: 'lines', lines });
const f = (id: ScalarFieldId): Entry => ({ kind: 'field', id });
const k = (key: string): Entry => ({ kind: 'constant', key });
const BLANK = text('');
const banner = (title: string): Entry =>
  text('#########################################################', `# ${title}`, '#########################################################');

const LAYOUT: readonly Entry[] = [
  text('# KubeSphere 2.0.2 installer settings (conf/vars.yml), written by ks-wizard.', '# Nested keys and list items are indented by two spaces.'),
  BLANK,
  text('##config', '# QingCloud API access, used by QingCloud CSI (block storage) and the QingCloud LB plugin.', '# Create the key pair in the QingCloud console; the zone is e.g. pek3a, sh1a, gd2a or ap2a.'),
  f('qingcloud.accessKeyId'),
  f('qingcloud.secretAccessKey'),
  f('qingcloud.zone'),
  text('# API endpoint; change it only for a private QingCloud.'),
  f('qingcloud.host'),
  f('qingcloud.port'),
  f('qingcloud.protocol'),
  f('qingcloud.uri'),
  text('# API client retries, and timeout in seconds'),
  f('qingcloud.connectionRetries'),
  f('qingcloud.connectionTimeout'),
  BLANK,
  text('# QingCloud LB plugin: cloud controller for Services of type LoadBalancer (multi-node only)'),
  f('qingcloud.lbEnabled'),
  text('# VxNet for load balancers with a private-network IP (optional)'),
  f('qingcloud.vxnetId'),
  BLANK,
  banner('Storage configuration'),
  text('# Enable the backends you use. Exactly one enabled backend must be the default storage class.'),
  BLANK,
  text('# Local volume: static local PVs, for all-in-one and testing only'),
  f('storage.localVolume.enabled'),
  f('storage.localVolume.storageClass'),
  f('storage.localVolume.isDefault'),
  BLANK,
  text('# QingCloud CSI: QingCloud block storage (uses the API access above)'),
  f('storage.qingcloudCsi.enabled'),
  f('storage.qingcloudCsi.isDefault'),
  text('# Disk type: 0 high performance, 2 high capacity, 3 super high performance,', '# 5 NeonSAN, 100 basic, 200 SSD enterprise; it must suit the instance type'),
  f('storage.qingcloudCsi.type'),
  text('# Largest and smallest volume, and size increment, in GiB'),
  f('storage.qingcloudCsi.maxSize'),
  f('storage.qingcloudCsi.minSize'),
  f('storage.qingcloudCsi.stepSize'),
  text('# ext3, ext4 or xfs'),
  f('storage.qingcloudCsi.fsType'),
  text('# 1 = single replica, 2 = multiple replicas'),
  f('storage.qingcloudCsi.diskReplica'),
  BLANK,
  text('# Ceph RBD'),
  f('storage.cephRbd.enabled'),
  f('storage.cephRbd.isDefault'),
  f('storage.cephRbd.storageClass'),
  text('# Ceph monitors, one ip:port per item'),
  f('storage.cephRbd.monitors'),
  text('# Client allowed to create images in the pool; its key: ceph auth get-key client.admin'),
  f('storage.cephRbd.adminId'),
  f('storage.cephRbd.adminSecret'),
  f('storage.cephRbd.pool'),
  text('# Client used to map images; its key is stored in every namespace that uses RBD'),
  f('storage.cephRbd.userId'),
  f('storage.cephRbd.userSecret'),
  f('storage.cephRbd.fsType'),
  text('# Image format "1" or "2"; image features (e.g. layering) need format "2"'),
  f('storage.cephRbd.imageFormat'),
  f('storage.cephRbd.imageFeatures'),
  BLANK,
  text('# NFS client: mounts an existing NFS export'),
  f('storage.nfs.enabled'),
  f('storage.nfs.isDefault'),
  text('# NFS server (IP or host name) and exported path'),
  f('storage.nfs.server'),
  f('storage.nfs.path'),
  BLANK,
  text('# NeonSAN CSI: QingStor NeonSAN'),
  f('storage.neonsan.enabled'),
  f('storage.neonsan.isDefault'),
  text('# TCP or RDMA'),
  f('storage.neonsan.protocol'),
  f('storage.neonsan.serverAddress'),
  f('storage.neonsan.clusterName'),
  text('# Comma separated pool names'),
  f('storage.neonsan.pool'),
  f('storage.neonsan.replicas'),
  text('# Size increment in GiB'),
  f('storage.neonsan.stepSize'),
  f('storage.neonsan.fsType'),
  BLANK,
  text('# GlusterFS, managed by Heketi'),
  f('storage.glusterfs.enabled'),
  f('storage.glusterfs.isDefault'),
  f('storage.glusterfs.storageClass'),
  text('# Authenticate to the Heketi REST API'),
  f('storage.glusterfs.restAuthEnabled'),
  text('# Heketi URL, e.g. http://192.168.0.4:8080'),
  f('storage.glusterfs.restUrl'),
  text('# Cluster id from heketi-cli cluster list'),
  f('storage.glusterfs.clusterId'),
  f('storage.glusterfs.restUser'),
  text('# Secret the installer creates in kube-system'),
  f('storage.glusterfs.secretName'),
  f('storage.glusterfs.gidMin'),
  f('storage.glusterfs.gidMax'),
  f('storage.glusterfs.volumeType'),
  text('# jwt.admin.key from /etc/heketi/heketi.json'),
  f('storage.glusterfs.jwtAdminKey'),
  BLANK,
  banner('Cluster configuration'),
  BLANK,
  text('## Versions shipped with this installer; do not change'),
  k('ks_version'),
  k('kube_version'),
  k('etcd_version'),
  k('openpitrix_version'),
  text('# Image pull policy: IfNotPresent, Always or Never'),
  f('options.imagePullPolicy'),
  BLANK,
  text('## Network', '# calico or flannel'),
  f('network.plugin'),
  text('# Service and pod CIDRs: they must not overlap each other or the node network'),
  f('network.serviceCidr'),
  f('network.podCidr'),
  text('# ipvs or iptables'),
  f('network.proxyMode'),
  text('# Most pods on one node'),
  f('network.maxPods'),
  k('dns_mode'),
  BLANK,
  { kind: 'loadBalancer' },
  BLANK,
  text('## Docker', '# Docker Hub mirrors (useful in mainland China; keep commented out elsewhere)'),
  f('options.registryMirrors'),
  text('# When every node runs docker system prune: reboot, yearly, annually, monthly, weekly, daily or hourly'),
  f('options.periodicCleaningTime'),
  BLANK,
  text('## etcd backup (a cron job on the etcd nodes)', '# Minutes between backups, and how many backups are kept'),
  f('options.etcdBackup.period'),
  f('options.etcdBackup.keep'),
  f('options.etcdBackup.dir'),
  BLANK,
  text('## KubeSphere console', '# NodePort 30000-32767; 30180, 30280 and 30380 are taken by Jenkins, Harbor and an internal service'),
  f('options.console.port'),
  text('# Refuse a second login with the same account'),
  f('options.console.disableMultiLogin'),
  BLANK,
  text('## Monitoring (Prometheus)'),
  f('options.monitoring.prometheusReplica'),
  text('# Memory request and volume size (Kubernetes quantities)'),
  f('options.monitoring.prometheusMemory'),
  f('options.monitoring.prometheusVolume'),
  BLANK,
  text('## Logging (Elasticsearch)', '# Days of logs kept'),
  f('options.logging.keepLogDays'),
  f('options.logging.kibanaEnabled'),
  f('options.logging.elasticsearchVolume'),
  f('options.logging.elasticsearchMasterReplica'),
  f('options.logging.elasticsearchDataReplica'),
  text('# Index name prefix'),
  f('options.logging.elkPrefix'),
  BLANK,
  text('## DevOps (Jenkins)', '# Memory limit and request: plain Kubernetes quantities such as 8Gi'),
  f('options.devops.jenkinsMemoryLimit'),
  f('options.devops.jenkinsMemoryRequest'),
  text('# JVM options of the Jenkins master'),
  f('options.devops.javaOpts'),
  text('# Jenkins URL (NodePort 30180)'),
  f('options.devops.jenkinsLocationUrl'),
  BLANK,
  text('## E-mail: SMTP server for Jenkins and notification mails'),
  f('options.email.smtpHost'),
  f('options.email.smtpPort'),
  f('options.email.fromAddress'),
  f('options.email.fromName'),
  f('options.email.password'),
  f('options.email.useSsl'),
  BLANK,
  text('## Harbor image registry (NodePort 30280; needs 5 more volumes)'),
  f('options.harbor.enabled'),
  f('options.harbor.domain'),
  BLANK,
  text('## GitLab (needs 4 more volumes)'),
  f('options.gitlab.enabled'),
  text('# gitlab.<domain> is added to /etc/hosts on every node'),
  f('options.gitlab.hostsDomain'),
  BLANK,
  text('## SonarQube (code analysis for pipelines)'),
  f('options.devops.sonarqubeEnabled'),
  text('# To use an existing SonarQube instead, disable the built-in one and set:', '# sonar_server_url: SHOULD_BE_REPLACED', '# sonar_server_token: SHOULD_BE_REPLACED'),
  BLANK,
  text('## GPU nodes (Ubuntu 16.04 only); list their hosts.ini names', '# nvidia_accelerator_enabled: true', '# nvidia_gpu_nodes:', '#   - node1'),
];

const REGISTRY_MIRROR_EXAMPLES = ['https://docker.mirrors.ustc.edu.cn', 'https://registry.docker-cn.com', 'https://mirror.aliyuncs.com'];

function fieldLines(config: InstallConfig, id: ScalarFieldId, opts: VarsYmlOptions): string[] {
  const key = keyFor(config.target, id);
  const spec = VARS_FIELDS[id];
  switch (spec.kind) {
    case 'bool':
    case 'int':
      return [`${key}: ${yamlScalar(spec.get(config), key)}`];
    case 'enum':
      return [`${key}: ${yamlScalar(spec.get(config), key)}`];
    case 'string': {
      const value = spec.get(config);
      if (value === '' && spec.commentedWhenEmpty) return [`# ${key}: ${spec.commentedWhenEmpty.example}`];
      return [`${key}: ${yamlScalar(value === '' && spec.emptyToken !== undefined ? spec.emptyToken : value, key)}`];
    }
    case 'secret':
      return [`${key}: ${yamlScalar(secretText(spec.get(config), opts.secrets, spec.emptyToken, key), key)}`];
    case 'list': {
      const items = spec.get(config);
      if (items.length > 0) return [`${key}:`, ...items.map((item, i) => `  - ${yamlScalar(item, `${key}[${i}]`)}`)];
      if (spec.emptyItem !== undefined) return [`${key}:`, `  - ${yamlScalar(spec.emptyItem, key)}`];
      return [`# ${key}:`, ...REGISTRY_MIRROR_EXAMPLES.map((m) => `#   - ${m}`)];
    }
  }
}

function loadBalancerLines(config: InstallConfig): string[] {
  const domainKey = keyFor(config.target, 'loadBalancer.domain');
  const lbKey = keyFor(config.target, 'loadBalancer.apiserver');
  const lines = [
    '# HA: a TCP load balancer in front of every master\'s port 6443; address must be an IP',
    '## External LB example config',
  ];
  // an internal LB (keepalived + HAProxy built by the wizard) is written exactly as an external one
  const lb = loadBalancerEndpoint(config.loadBalancer);
  if (lb && lb.domain !== DEFAULT_LB_DOMAIN) {
    lines.push(`${domainKey}: ${yamlScalar(lb.domain, domainKey, 'double')}`);
  } else {
    lines.push(`## ${domainKey}: "${DEFAULT_LB_DOMAIN}"`);
  }
  if (lb) {
    lines.push(`${lbKey}:`, `  address: ${yamlScalar(lb.address, `${lbKey}.address`)}`, `  port: ${yamlScalar(lb.port, `${lbKey}.port`)}`);
  } else {
    lines.push(`#${lbKey}:`, '#  address: 192.168.0.10', `#  port: ${DEFAULT_LB_PORT}`);
  }
  return lines;
}

export function renderVarsYml(config: ValidInstallConfig, opts: VarsYmlOptions): string {
  const constants = TARGET_CONSTANTS[config.target];
  if (constants === undefined) throw new InstallerRenderError(`target ${config.target} cannot be rendered`);
  const lines: string[] = [];
  for (const entry of LAYOUT) {
    switch (entry.kind) {
      case 'lines':
        lines.push(...entry.lines);
        break;
      case 'field':
        lines.push(...fieldLines(config, entry.id, opts));
        break;
      case 'constant': {
        const value = constants[entry.key];
        if (value === undefined) throw new InstallerRenderError(`no ${entry.key} for target ${config.target}`);
        lines.push(`${entry.key}: ${yamlScalar(value, entry.key)}`);
        break;
      }
      case 'loadBalancer':
        lines.push(...loadBalancerLines(config));
        break;
    }
  }
  return `${lines.join('\n')}\n`;
}
