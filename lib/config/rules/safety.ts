/** Safety rules: every value written into hosts.ini and vars.yml is checked by ../safe-values.ts. */
import type { InstallConfig } from '../schema';
import type { Secret } from '../secret';
import type { ConfigIssue } from '../issues';
import { unsafeValueProblem, type UnsafeValueKind } from '../safe-values';
import { error, hostLabel, hostPath, indexedHosts, type Rule } from './helpers';

interface WrittenValue {
  path: string;
  label: string;
  value: string | undefined;
}

const secretText = (secret: Secret): string | undefined => (secret.set ? secret.value : undefined);

function hostsIniValues(config: InstallConfig): WrittenValue[] {
  return indexedHosts(config).flatMap((entry) => {
    const { host, index } = entry;
    const of = hostLabel(entry);
    const values: WrittenValue[] = [
      { path: hostPath(index, 'name'), label: `Name of ${of}`, value: host.name },
      { path: hostPath(index, 'ip'), label: `Internal IP of ${of}`, value: host.ip },
      { path: hostPath(index, 'user'), label: `SSH user of ${of}`, value: host.user },
      { path: hostPath(index, 'becomePassword'), label: `Sudo password of ${of}`, value: secretText(host.becomePassword) },
    ];
    // the taskbox's line is local: its SSH login is the wizard's alone and never reaches Ansible
    if (host.taskbox) return values;
    values.push({ path: hostPath(index, 'address'), label: `SSH address of ${of}`, value: host.address });
    if (host.auth.kind === 'password') values.push({ path: hostPath(index, 'auth.password'), label: `SSH password of ${of}`, value: secretText(host.auth.password) });
    if (host.auth.kind === 'key') values.push({ path: hostPath(index, 'auth.passphrase'), label: `Key passphrase of ${of}`, value: secretText(host.auth.passphrase) });
    return values;
  });
}

function varsYmlValues(config: InstallConfig): WrittenValue[] {
  const { storage, qingcloud, options, loadBalancer, network } = config;
  const values: WrittenValue[] = [
    { path: 'clusterName', label: 'Cluster name', value: config.clusterName },
    { path: 'network.serviceCidr', label: 'Service CIDR', value: network.serviceCidr },
    { path: 'network.podCidr', label: 'Pod CIDR', value: network.podCidr },
    { path: 'qingcloud.accessKeyId', label: 'QingCloud access key ID', value: qingcloud.accessKeyId },
    { path: 'qingcloud.secretAccessKey', label: 'QingCloud secret access key', value: secretText(qingcloud.secretAccessKey) },
    { path: 'qingcloud.zone', label: 'QingCloud zone', value: qingcloud.zone },
    { path: 'qingcloud.host', label: 'QingCloud API host', value: qingcloud.host },
    { path: 'qingcloud.protocol', label: 'QingCloud API protocol', value: qingcloud.protocol },
    { path: 'qingcloud.uri', label: 'QingCloud API URI', value: qingcloud.uri },
    { path: 'qingcloud.vxnetId', label: 'QingCloud VxNet ID', value: qingcloud.vxnetId },
    { path: 'storage.localVolume.storageClass', label: 'Local volume storage class', value: storage.localVolume.storageClass },
    { path: 'storage.nfs.server', label: 'NFS server', value: storage.nfs.server },
    { path: 'storage.nfs.path', label: 'NFS path', value: storage.nfs.path },
    { path: 'storage.cephRbd.storageClass', label: 'Ceph RBD storage class', value: storage.cephRbd.storageClass },
    { path: 'storage.cephRbd.adminId', label: 'Ceph admin ID', value: storage.cephRbd.adminId },
    { path: 'storage.cephRbd.adminSecret', label: 'Ceph admin secret', value: secretText(storage.cephRbd.adminSecret) },
    { path: 'storage.cephRbd.pool', label: 'Ceph pool', value: storage.cephRbd.pool },
    { path: 'storage.cephRbd.userId', label: 'Ceph user ID', value: storage.cephRbd.userId },
    { path: 'storage.cephRbd.userSecret', label: 'Ceph user secret', value: secretText(storage.cephRbd.userSecret) },
    { path: 'storage.cephRbd.fsType', label: 'Ceph file system type', value: storage.cephRbd.fsType },
    { path: 'storage.cephRbd.imageFeatures', label: 'Ceph image features', value: storage.cephRbd.imageFeatures },
    ...storage.cephRbd.monitors.map((monitor, index) => ({ path: `storage.cephRbd.monitors.${index}`, label: 'Ceph monitor', value: monitor })),
    { path: 'storage.glusterfs.storageClass', label: 'GlusterFS storage class', value: storage.glusterfs.storageClass },
    { path: 'storage.glusterfs.restUrl', label: 'Heketi REST URL', value: storage.glusterfs.restUrl },
    { path: 'storage.glusterfs.clusterId', label: 'GlusterFS cluster ID', value: storage.glusterfs.clusterId },
    { path: 'storage.glusterfs.restUser', label: 'Heketi REST user', value: storage.glusterfs.restUser },
    { path: 'storage.glusterfs.secretName', label: 'Heketi secret name', value: storage.glusterfs.secretName },
    { path: 'storage.glusterfs.volumeType', label: 'GlusterFS volume type', value: storage.glusterfs.volumeType },
    { path: 'storage.glusterfs.jwtAdminKey', label: 'Heketi admin key', value: secretText(storage.glusterfs.jwtAdminKey) },
    { path: 'storage.qingcloudCsi.fsType', label: 'QingCloud CSI file system type', value: storage.qingcloudCsi.fsType },
    { path: 'storage.neonsan.serverAddress', label: 'NeonSAN server address', value: storage.neonsan.serverAddress },
    { path: 'storage.neonsan.clusterName', label: 'NeonSAN cluster name', value: storage.neonsan.clusterName },
    { path: 'storage.neonsan.pool', label: 'NeonSAN pool', value: storage.neonsan.pool },
    { path: 'storage.neonsan.fsType', label: 'NeonSAN file system type', value: storage.neonsan.fsType },
    ...options.registryMirrors.map((mirror, index) => ({ path: `options.registryMirrors.${index}`, label: 'Registry mirror', value: mirror })),
    { path: 'options.etcdBackup.dir', label: 'etcd backup directory', value: options.etcdBackup.dir },
    { path: 'options.monitoring.prometheusMemory', label: 'Prometheus memory', value: options.monitoring.prometheusMemory },
    { path: 'options.monitoring.prometheusVolume', label: 'Prometheus volume size', value: options.monitoring.prometheusVolume },
    { path: 'options.logging.elasticsearchVolume', label: 'Elasticsearch volume size', value: options.logging.elasticsearchVolume },
    { path: 'options.logging.elkPrefix', label: 'Log index prefix', value: options.logging.elkPrefix },
    { path: 'options.devops.jenkinsMemoryLimit', label: 'Jenkins memory limit', value: options.devops.jenkinsMemoryLimit },
    { path: 'options.devops.jenkinsMemoryRequest', label: 'Jenkins memory request', value: options.devops.jenkinsMemoryRequest },
    { path: 'options.devops.javaOpts', label: 'Jenkins Java options', value: options.devops.javaOpts },
    { path: 'options.devops.jenkinsLocationUrl', label: 'Jenkins URL', value: options.devops.jenkinsLocationUrl },
    { path: 'options.email.smtpHost', label: 'SMTP host', value: options.email.smtpHost },
    { path: 'options.email.fromAddress', label: 'Sender address', value: options.email.fromAddress },
    { path: 'options.email.fromName', label: 'Sender name', value: options.email.fromName },
    { path: 'options.email.password', label: 'SMTP password', value: secretText(options.email.password) },
    { path: 'options.harbor.domain', label: 'Harbor domain', value: options.harbor.domain },
    { path: 'options.gitlab.hostsDomain', label: 'GitLab domain', value: options.gitlab.hostsDomain },
  ];
  if (loadBalancer.kind === 'external') {
    values.push(
      { path: 'loadBalancer.address', label: 'Load balancer address', value: loadBalancer.address },
      { path: 'loadBalancer.domain', label: 'Load balancer domain', value: loadBalancer.domain },
    );
  }
  if (loadBalancer.kind === 'internal') {
    values.push(
      { path: 'loadBalancer.vip', label: 'Virtual IP', value: loadBalancer.vip },
      { path: 'loadBalancer.domain', label: 'Load balancer domain', value: loadBalancer.domain },
    );
  }
  return values;
}

/** What the internal LB's own inventory (the LB stage's, YAML read by Ansible) carries per LB host. */
function lbInventoryValues(config: InstallConfig): WrittenValue[] {
  const lb = config.loadBalancer;
  if (lb.kind !== 'internal') return [];
  return lb.hosts.flatMap((host, index) => {
    const of = host.name.trim() || `LB host ${index + 1}`;
    const at = (field: string) => `loadBalancer.hosts.${index}.${field}`;
    const values: WrittenValue[] = [
      { path: at('name'), label: `Name of ${of}`, value: host.name },
      { path: at('address'), label: `SSH address of ${of}`, value: host.address },
      { path: at('ip'), label: `IP of ${of}`, value: host.ip },
      { path: at('user'), label: `SSH user of ${of}`, value: host.user },
      { path: at('becomePassword'), label: `Sudo password of ${of}`, value: secretText(host.becomePassword) },
    ];
    if (host.auth.kind === 'password') values.push({ path: at('auth.password'), label: `SSH password of ${of}`, value: secretText(host.auth.password) });
    return values;
  });
}

function unsafeValueIssues(values: WrittenValue[], kind: UnsafeValueKind, code: string): ConfigIssue[] {
  return values.flatMap(({ path, label, value }) => {
    const problem = value === undefined ? undefined : unsafeValueProblem(value, kind);
    return problem === undefined ? [] : [error(code, path, `${label} ${problem}.`)];
  });
}

export const safetyRules: Rule = (config) => [
  ...unsafeValueIssues(hostsIniValues(config), 'ini-token', 'safety.hosts-ini'),
  ...unsafeValueIssues(varsYmlValues(config), 'yaml-string', 'safety.vars-yml'),
  ...unsafeValueIssues(lbInventoryValues(config), 'yaml-string', 'safety.lb-inventory'),
];
