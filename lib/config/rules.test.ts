import { describe, expect, it } from 'vitest';
import { collectIssues } from './rules';
import { seedConfig } from './fixtures';
import { defaultHost } from './defaults';
import type { Host, InstallConfig } from './schema';
import type { ConfigIssue, Severity } from './issues';

/** Host indexes of the seed: master1..3 = 0..2 (master1 is the taskbox), node1..3 = 3..5. */
const NODE1 = 3;
const NODE2 = 4;

function host(config: InstallConfig, index: number): Host {
  const found = config.hosts[index];
  if (!found) throw new Error(`seed has no host ${index}`);
  return found;
}

function externalLb(config: InstallConfig) {
  if (config.loadBalancer.kind !== 'external') throw new Error('seed LB is external');
  return config.loadBalancer;
}

const withCode = (config: InstallConfig, code: string): ConfigIssue[] => collectIssues(config).filter((issue) => issue.code === code);

interface RuleCase {
  name: string;
  code: string;
  severity: Severity;
  path: string;
  mutate: (config: InstallConfig) => void;
  /** Substrings the message must contain (offending hosts, values). */
  mentions?: string[];
}

const onlyMasters = (config: InstallConfig, count: number) => {
  config.hosts.forEach((h, i) => {
    const isMaster = i < count;
    h.roles.master = isMaster;
    h.roles.etcd = isMaster;
  });
};

const cases: RuleCase[] = [
  // ---- hosts
  { name: 'no host at all', code: 'hosts.empty', severity: 'error', path: 'hosts', mutate: (c) => void (c.hosts = []) },
  {
    name: 'empty name',
    code: 'host.name-required',
    severity: 'error',
    path: 'hosts.3.name',
    mutate: (c) => void (host(c, NODE1).name = ''),
    mentions: ['Host 4'],
  },
  {
    name: 'upper-case name',
    code: 'host.name-invalid',
    severity: 'error',
    path: 'hosts.3.name',
    mutate: (c) => void (host(c, NODE1).name = 'Node1'),
    mentions: ['"Node1"', 'Kubespray renames each machine to its inventory name', 'Use "node1"'],
  },
  { name: 'underscore in name', code: 'host.name-invalid', severity: 'error', path: 'hosts.3.name', mutate: (c) => void (host(c, NODE1).name = 'node_1') },
  {
    name: 'duplicate name',
    code: 'host.name-duplicate',
    severity: 'error',
    path: 'hosts.4.name',
    mutate: (c) => void (host(c, NODE2).name = 'node1'),
    mentions: ['Host 5', '"node1"', 'host 4 (192.168.0.4)'],
  },
  {
    name: 'empty SSH address',
    code: 'host.address-required',
    severity: 'error',
    path: 'hosts.3.address',
    mutate: (c) => void (host(c, NODE1).address = ''),
    mentions: ['node1'],
  },
  {
    name: 'invalid SSH address',
    code: 'host.address-invalid',
    severity: 'error',
    path: 'hosts.3.address',
    mutate: (c) => void (host(c, NODE1).address = '192.168.0.400'),
    mentions: ['"192.168.0.400"', 'node1'],
  },
  {
    name: 'duplicate SSH address and port',
    code: 'host.address-duplicate',
    severity: 'error',
    path: 'hosts.4.address',
    mutate: (c) => void (host(c, NODE2).address = '192.168.0.4'),
    mentions: ['node2', 'node1', '192.168.0.4:22'],
  },
  {
    name: 'empty internal IP',
    code: 'host.ip-required',
    severity: 'error',
    path: 'hosts.3.ip',
    mutate: (c) => void (host(c, NODE1).ip = ''),
    mentions: ['node1'],
  },
  {
    name: 'internal IP is a name',
    code: 'host.ip-invalid',
    severity: 'error',
    path: 'hosts.3.ip',
    mutate: (c) => void (host(c, NODE1).ip = 'node1.local'),
    mentions: ['node1', '"node1.local"'],
  },
  {
    name: 'duplicate internal IP',
    code: 'host.ip-duplicate',
    severity: 'error',
    path: 'hosts.4.ip',
    mutate: (c) => void (host(c, NODE2).ip = '192.168.0.4'),
    mentions: ['node2', 'node1', '192.168.0.4'],
  },
  { name: 'port 0', code: 'host.port-invalid', severity: 'error', path: 'hosts.3.port', mutate: (c) => void (host(c, NODE1).port = 0), mentions: ['node1'] },
  { name: 'port 65536', code: 'host.port-invalid', severity: 'error', path: 'hosts.3.port', mutate: (c) => void (host(c, NODE1).port = 65536) },
  { name: 'empty user', code: 'host.user-required', severity: 'error', path: 'hosts.3.user', mutate: (c) => void (host(c, NODE1).user = '') },
  {
    name: 'non-root worker without sudo password',
    code: 'host.become-password-required',
    severity: 'error',
    path: 'hosts.3.becomePassword',
    mutate: (c) => void (host(c, NODE1).user = 'ubuntu'),
    mentions: ['node1', '"ubuntu"', 'sudo'],
  },
  {
    name: 'non-root taskbox without sudo password',
    code: 'host.become-password-required',
    severity: 'error',
    path: 'hosts.0.becomePassword',
    mutate: (c) => void (host(c, 0).user = 'ubuntu'),
    mentions: ['master1'],
  },
  {
    name: 'non-root host whose SSH password differs from its sudo password',
    code: 'host.nonroot-password-mismatch',
    severity: 'error',
    path: 'hosts.3.becomePassword',
    mutate: (c) => {
      const h = host(c, NODE1);
      h.user = 'ubuntu';
      h.auth = { kind: 'password', password: { set: true, value: 'ssh-pass-1' } };
      h.becomePassword = { set: true, value: 'sudo-pass-2' };
    },
    mentions: ['node1', 'sudo password'],
  },
  {
    name: 'taskbox without SSH address',
    code: 'host.address-required',
    severity: 'error',
    path: 'hosts.0.address',
    mutate: (c) => void (host(c, 0).address = ''),
    mentions: ['master1 has no SSH address', 'The wizard logs in to the taskbox over SSH to run the installer there.'],
  },
  {
    name: 'taskbox port 0',
    code: 'host.port-invalid',
    severity: 'error',
    path: 'hosts.0.port',
    mutate: (c) => void (host(c, 0).port = 0),
    mentions: ['master1'],
  },
  {
    name: 'taskbox without SSH password',
    code: 'host.auth-missing',
    severity: 'error',
    path: 'hosts.0.auth',
    mutate: (c) => void (host(c, 0).auth = { kind: 'password', password: { set: false } }),
    mentions: ['SSH password of master1', 'The wizard logs in to the taskbox over SSH to run the installer there.'],
  },
  {
    name: 'taskbox without private key',
    code: 'host.auth-missing',
    severity: 'error',
    path: 'hosts.0.auth',
    mutate: (c) => void (host(c, 0).auth = { kind: 'key', privateKey: { set: false }, passphrase: { set: false } }),
    mentions: ['paste the key the wizard uses to log in to master1', 'over SSH to run the installer there'],
  },
  {
    name: 'taskbox with the SSH address of another host',
    code: 'host.address-duplicate',
    severity: 'error',
    path: 'hosts.3.address',
    mutate: (c) => void (host(c, NODE1).address = '192.168.0.1'),
    mentions: ['node1', 'master1', '192.168.0.1:22'],
  },
  {
    name: 'password auth without password',
    code: 'host.auth-missing',
    severity: 'error',
    path: 'hosts.3.auth',
    mutate: (c) => void (host(c, NODE1).auth = { kind: 'password', password: { set: false } }),
    mentions: ['SSH password of node1'],
  },
  {
    name: 'key auth without key',
    code: 'host.auth-missing',
    severity: 'error',
    path: 'hosts.3.auth',
    mutate: (c) => void (host(c, NODE1).auth = { kind: 'key', privateKey: { set: false }, passphrase: { set: false } }),
    mentions: ['private key of node1'],
  },
  {
    name: 'second taskbox',
    code: 'host.taskbox-multiple',
    severity: 'error',
    path: 'hosts.3.taskbox',
    mutate: (c) => void (host(c, NODE1).taskbox = true),
    mentions: ['master1 already is', 'unmark node1'],
  },
  {
    name: 'host without a role',
    code: 'host.no-role',
    severity: 'error',
    path: 'hosts.3.roles',
    mutate: (c) => void (host(c, NODE1).roles = { master: false, etcd: false, worker: false }),
    mentions: ['node1 has no role'],
  },
  {
    name: 'two hosts only',
    code: 'hosts.fewer-than-three',
    severity: 'warning',
    path: 'hosts',
    mutate: (c) => {
      c.hosts = [host(c, 0), host(c, NODE1)];
    },
    mentions: ['2 (master1, node1)'],
  },
  {
    name: 'no taskbox while the installer runs on the taskbox',
    code: 'hosts.no-taskbox',
    severity: 'error',
    path: 'hosts',
    mutate: (c) => void (host(c, 0).taskbox = false),
    mentions: ['No host is the taskbox', 'Mark the host that will run it', 'Installer settings'],
  },
  // ---- roles
  {
    name: 'no master',
    code: 'roles.master-missing',
    severity: 'error',
    path: 'roles.master',
    mutate: (c) => c.hosts.forEach((h) => void (h.roles.master = false)),
  },
  {
    name: 'no etcd',
    code: 'roles.etcd-missing',
    severity: 'error',
    path: 'roles.etcd',
    mutate: (c) => c.hosts.forEach((h) => void (h.roles.etcd = false)),
  },
  {
    name: 'no worker',
    code: 'roles.worker-missing',
    severity: 'error',
    path: 'roles.worker',
    mutate: (c) => c.hosts.forEach((h) => void (h.roles.worker = false)),
  },
  {
    name: 'even etcd count',
    code: 'roles.etcd-even',
    severity: 'error',
    path: 'roles.etcd',
    mutate: (c) => void (host(c, 2).roles.etcd = false),
    mentions: ['etcd needs an odd number of members: you have 2 (master1, master2)'],
  },
  {
    name: 'etcd on a worker',
    code: 'roles.etcd-on-worker',
    severity: 'warning',
    path: 'hosts.3.roles.etcd',
    mutate: (c) => {
      host(c, NODE1).roles.etcd = true;
      host(c, NODE2).roles.etcd = true;
    },
    mentions: ['node1', 'memory hungry'],
  },
  {
    name: 'one etcd for several masters',
    code: 'roles.single-etcd',
    severity: 'warning',
    path: 'roles.etcd',
    mutate: (c) => {
      host(c, 1).roles.etcd = false;
      host(c, 2).roles.etcd = false;
    },
    mentions: ['(master1)', '3 masters'],
  },
  {
    name: 'exactly two masters',
    code: 'roles.two-masters',
    severity: 'warning',
    path: 'roles.master',
    mutate: (c) => void (host(c, 2).roles.master = false),
    mentions: ['(master1, master2)', 'no more fault tolerance'],
  },
  // ---- load balancer
  {
    name: 'several masters without LB',
    code: 'lb.missing',
    severity: 'warning',
    path: 'loadBalancer',
    mutate: (c) => void (c.loadBalancer = { kind: 'none' }),
    mentions: ['3 masters', 'nginx proxy', 'single stable endpoint'],
  },
  { name: 'empty LB address', code: 'lb.address-required', severity: 'error', path: 'loadBalancer.address', mutate: (c) => void (externalLb(c).address = '') },
  {
    name: 'LB address is a DNS name',
    code: 'lb.address-invalid',
    severity: 'error',
    path: 'loadBalancer.address',
    mutate: (c) => void (externalLb(c).address = 'lb.example.com'),
    mentions: ['"lb.example.com"', '/etc/hosts', 'ISS #1470'],
  },
  { name: 'LB port 0', code: 'lb.port-invalid', severity: 'error', path: 'loadBalancer.port', mutate: (c) => void (externalLb(c).port = 0) },
  {
    name: 'LB port above 65535',
    code: 'lb.port-invalid',
    severity: 'error',
    path: 'loadBalancer.port',
    mutate: (c) => void (externalLb(c).port = 70000),
    mentions: ['70000', '1 to 65535'],
  },
  {
    name: "LB address is a master's own IP on the apiserver port",
    code: 'lb.address-is-master',
    severity: 'warning',
    path: 'loadBalancer.address',
    mutate: (c) => void (externalLb(c).address = host(c, 1).ip),
    mentions: ['192.168.0.2', 'master2', 'kube-apiserver', 'no HA'],
  },
  {
    name: 'LB port other than 6443',
    code: 'lb.port-not-6443',
    severity: 'warning',
    path: 'loadBalancer.port',
    mutate: (c) => void (externalLb(c).port = 8443),
    mentions: ['8443', 'the LB listener must use the same port'],
  },
  {
    name: 'bad LB domain',
    code: 'lb.domain-invalid',
    severity: 'error',
    path: 'loadBalancer.domain',
    mutate: (c) => void (externalLb(c).domain = 'lb_kubesphere'),
    mentions: ['"lb_kubesphere"'],
  },
  {
    name: 'LB with a single master',
    code: 'lb.single-master',
    severity: 'warning',
    path: 'loadBalancer',
    mutate: (c) => onlyMasters(c, 1),
    mentions: ['single master'],
  },
  // ---- network
  {
    name: 'service CIDR not network-aligned',
    code: 'network.service-cidr-invalid',
    severity: 'error',
    path: 'network.serviceCidr',
    mutate: (c) => void (c.network.serviceCidr = '10.233.1.0/18'),
    mentions: ['not a network address', '10.233.0.0/18'],
  },
  {
    name: 'pod CIDR garbage',
    code: 'network.pod-cidr-invalid',
    severity: 'error',
    path: 'network.podCidr',
    mutate: (c) => void (c.network.podCidr = '10.233.64.0'),
  },
  {
    name: 'service and pod CIDR overlap',
    code: 'network.cidrs-overlap',
    severity: 'error',
    path: 'network.podCidr',
    mutate: (c) => void (c.network.podCidr = '10.233.0.0/17'),
    mentions: ['10.233.0.0/17', '10.233.0.0/18'],
  },
  {
    name: 'pod CIDR contains a host IP',
    code: 'network.cidr-contains-host',
    severity: 'error',
    path: 'network.podCidr',
    mutate: (c) => void (c.network.podCidr = '192.168.0.0/24'),
    mentions: ['master1 (internal IP 192.168.0.1)', 'node3 (internal IP 192.168.0.6)'],
  },
  {
    name: 'service CIDR contains an SSH address',
    code: 'network.cidr-contains-host',
    severity: 'error',
    path: 'network.serviceCidr',
    mutate: (c) => void (host(c, NODE1).address = '10.233.0.9'),
    mentions: ['node1 (SSH address 10.233.0.9)'],
  },
  {
    name: 'CIDR contains the LB address',
    code: 'network.cidr-contains-lb',
    severity: 'error',
    path: 'network.serviceCidr',
    mutate: (c) => void (c.network.serviceCidr = '192.168.0.8/29'),
    mentions: ['192.168.0.10'],
  },
  { name: 'max pods 0', code: 'network.max-pods-range', severity: 'error', path: 'network.maxPods', mutate: (c) => void (c.network.maxPods = 0) },
  {
    name: 'max pods 300',
    code: 'network.max-pods-range',
    severity: 'error',
    path: 'network.maxPods',
    mutate: (c) => void (c.network.maxPods = 300),
    mentions: ['300'],
  },
  // ---- storage
  {
    name: 'no default storage class',
    code: 'storage.default-none',
    severity: 'error',
    path: 'storage',
    mutate: (c) => void (c.storage.nfs.isDefault = false),
    mentions: ['Exactly one enabled storage backend must be the default class: none is', 'NFS'],
  },
  {
    name: 'two default storage classes',
    code: 'storage.default-several',
    severity: 'error',
    path: 'storage.glusterfs.isDefault',
    mutate: (c) => {
      Object.assign(c.storage.glusterfs, { enabled: true, isDefault: true, restUrl: 'http://192.168.0.40:8080', clusterId: 'abc', jwtAdminKey: { set: true } });
    },
    mentions: ['NFS, GlusterFS', 'unmark GlusterFS'],
  },
  {
    name: 'default on a disabled backend',
    code: 'storage.default-on-disabled',
    severity: 'warning',
    path: 'storage.cephRbd.isDefault',
    mutate: (c) => void (c.storage.cephRbd.isDefault = true),
    mentions: ['Ceph RBD', 'ignores'],
  },
  {
    name: 'local volume default on a multi-node cluster',
    code: 'storage.local-volume-default-multi-node',
    severity: 'error',
    path: 'storage.localVolume.isDefault',
    mutate: (c) => {
      c.storage.nfs.isDefault = false;
      c.storage.localVolume = { ...c.storage.localVolume, enabled: true, isDefault: true };
    },
    mentions: ['6-host', 'all-in-one testing only'],
  },
  {
    name: 'local volume enabled on a multi-node cluster',
    code: 'storage.local-volume-multi-node',
    severity: 'warning',
    path: 'storage.localVolume.enabled',
    mutate: (c) => void (c.storage.localVolume.enabled = true),
  },
  {
    name: 'NFS without server',
    code: 'storage.nfs.server-required',
    severity: 'error',
    path: 'storage.nfs.server',
    mutate: (c) => void (c.storage.nfs.server = ''),
  },
  {
    name: 'NFS bad server',
    code: 'storage.nfs.server-invalid',
    severity: 'error',
    path: 'storage.nfs.server',
    mutate: (c) => void (c.storage.nfs.server = 'nfs server'),
  },
  { name: 'NFS without path', code: 'storage.nfs.path-required', severity: 'error', path: 'storage.nfs.path', mutate: (c) => void (c.storage.nfs.path = '') },
  {
    name: 'NFS relative path',
    code: 'storage.nfs.path-not-absolute',
    severity: 'error',
    path: 'storage.nfs.path',
    mutate: (c) => void (c.storage.nfs.path = 'mnt/kubesphere'),
    mentions: ['"mnt/kubesphere"'],
  },
  {
    name: 'Ceph without monitors',
    code: 'storage.ceph.monitors-required',
    severity: 'error',
    path: 'storage.cephRbd.monitors',
    mutate: (c) => void (c.storage.cephRbd.enabled = true),
  },
  {
    name: 'Ceph monitor without port',
    code: 'storage.ceph.monitor-invalid',
    severity: 'error',
    path: 'storage.cephRbd.monitors.1',
    mutate: (c) => Object.assign(c.storage.cephRbd, { enabled: true, monitors: ['192.168.0.20:6789', '192.168.0.21'] }),
    mentions: ['"192.168.0.21"'],
  },
  {
    name: 'Ceph without admin secret',
    code: 'storage.ceph.admin-secret-required',
    severity: 'error',
    path: 'storage.cephRbd.adminSecret',
    mutate: (c) => void (c.storage.cephRbd.enabled = true),
  },
  {
    name: 'Ceph without user secret',
    code: 'storage.ceph.user-secret-required',
    severity: 'error',
    path: 'storage.cephRbd.userSecret',
    mutate: (c) => void (c.storage.cephRbd.enabled = true),
  },
  {
    name: 'Ceph image features with format 1',
    code: 'storage.ceph.image-features-format-1',
    severity: 'error',
    path: 'storage.cephRbd.imageFeatures',
    mutate: (c) => Object.assign(c.storage.cephRbd, { enabled: true, imageFormat: '1', imageFeatures: 'layering' }),
    mentions: ['"layering"', 'format 2'],
  },
  {
    name: 'invalid storage class name',
    code: 'storage.class-name-invalid',
    severity: 'error',
    path: 'storage.cephRbd.storageClass',
    mutate: (c) => Object.assign(c.storage.cephRbd, { enabled: true, storageClass: 'Fast_RBD' }),
    mentions: ['"Fast_RBD"'],
  },
  {
    name: 'duplicate storage class name',
    code: 'storage.class-name-duplicate',
    severity: 'error',
    path: 'storage.glusterfs.storageClass',
    mutate: (c) => {
      Object.assign(c.storage.cephRbd, { enabled: true, storageClass: 'shared' });
      Object.assign(c.storage.glusterfs, { enabled: true, storageClass: 'shared' });
    },
    mentions: ['GlusterFS', 'Ceph RBD', '"shared"'],
  },
  {
    name: 'GlusterFS without REST URL',
    code: 'storage.glusterfs.rest-url-required',
    severity: 'error',
    path: 'storage.glusterfs.restUrl',
    mutate: (c) => void (c.storage.glusterfs.enabled = true),
  },
  {
    name: 'GlusterFS bad REST URL',
    code: 'storage.glusterfs.rest-url-invalid',
    severity: 'error',
    path: 'storage.glusterfs.restUrl',
    mutate: (c) => Object.assign(c.storage.glusterfs, { enabled: true, restUrl: 'heketi' }),
  },
  {
    name: 'GlusterFS without cluster ID',
    code: 'storage.glusterfs.cluster-id-required',
    severity: 'error',
    path: 'storage.glusterfs.clusterId',
    mutate: (c) => void (c.storage.glusterfs.enabled = true),
  },
  {
    name: 'GlusterFS REST auth without admin key',
    code: 'storage.glusterfs.jwt-admin-key-required',
    severity: 'error',
    path: 'storage.glusterfs.jwtAdminKey',
    mutate: (c) => void (c.storage.glusterfs.enabled = true),
  },
  {
    name: 'GlusterFS empty GID range',
    code: 'storage.glusterfs.gid-range',
    severity: 'error',
    path: 'storage.glusterfs.gidMax',
    mutate: (c) => Object.assign(c.storage.glusterfs, { enabled: true, gidMin: 50000, gidMax: 50000 }),
  },
  {
    name: 'QingCloud CSI without access key',
    code: 'qingcloud.access-key-required',
    severity: 'error',
    path: 'qingcloud.accessKeyId',
    mutate: (c) => void (c.storage.qingcloudCsi.enabled = true),
    mentions: ['QingCloud CSI needs'],
  },
  {
    name: 'QingCloud CSI without secret',
    code: 'qingcloud.secret-key-required',
    severity: 'error',
    path: 'qingcloud.secretAccessKey',
    mutate: (c) => void (c.storage.qingcloudCsi.enabled = true),
  },
  {
    name: 'QingCloud CSI without zone',
    code: 'qingcloud.zone-required',
    severity: 'error',
    path: 'qingcloud.zone',
    mutate: (c) => void (c.storage.qingcloudCsi.enabled = true),
  },
  {
    name: 'QingCloud LB plugin without zone',
    code: 'qingcloud.zone-required',
    severity: 'error',
    path: 'qingcloud.zone',
    mutate: (c) => void (c.qingcloud.lbEnabled = true),
    mentions: ['The QingCloud LB plugin needs'],
  },
  {
    name: 'QingCloud CSI min above max',
    code: 'storage.qingcloud-csi.size-range',
    severity: 'error',
    path: 'storage.qingcloudCsi.minSize',
    mutate: (c) => Object.assign(c.storage.qingcloudCsi, { enabled: true, minSize: 6000 }),
  },
  {
    name: 'NeonSAN without server address',
    code: 'storage.neonsan.server-address-required',
    severity: 'error',
    path: 'storage.neonsan.serverAddress',
    mutate: (c) => void (c.storage.neonsan.enabled = true),
  },
  {
    name: 'NeonSAN server address without port',
    code: 'storage.neonsan.server-address-invalid',
    severity: 'error',
    path: 'storage.neonsan.serverAddress',
    mutate: (c) => Object.assign(c.storage.neonsan, { enabled: true, serverAddress: '192.168.0.30' }),
  },
  {
    name: 'NeonSAN without cluster name',
    code: 'storage.neonsan.cluster-name-required',
    severity: 'error',
    path: 'storage.neonsan.clusterName',
    mutate: (c) => void (c.storage.neonsan.enabled = true),
  },
  // ---- options
  {
    name: 'console port below NodePort range',
    code: 'options.console-port-range',
    severity: 'error',
    path: 'options.console.port',
    mutate: (c) => void (c.options.console.port = 8080),
  },
  {
    name: 'console port above NodePort range',
    code: 'options.console-port-range',
    severity: 'error',
    path: 'options.console.port',
    mutate: (c) => void (c.options.console.port = 32768),
  },
  {
    name: 'console port reserved for Jenkins',
    code: 'options.console-port-reserved',
    severity: 'error',
    path: 'options.console.port',
    mutate: (c) => void (c.options.console.port = 30180),
    mentions: ['30180'],
  },
  {
    name: 'console port reserved for Harbor',
    code: 'options.console-port-reserved',
    severity: 'error',
    path: 'options.console.port',
    mutate: (c) => void (c.options.console.port = 30280),
  },
  {
    name: 'console port reserved internally',
    code: 'options.console-port-reserved',
    severity: 'error',
    path: 'options.console.port',
    mutate: (c) => void (c.options.console.port = 30380),
  },
  {
    name: 'bad Jenkins memory (FAQ 4.14)',
    code: 'options.quantity-invalid',
    severity: 'error',
    path: 'options.devops.jenkinsMemoryLimit',
    mutate: (c) => void (c.options.devops.jenkinsMemoryLimit = '8GB'),
    mentions: ['"8GB"', "unable to parse quantity's suffix"],
  },
  {
    name: 'bad Prometheus memory',
    code: 'options.quantity-invalid',
    severity: 'error',
    path: 'options.monitoring.prometheusMemory',
    mutate: (c) => void (c.options.monitoring.prometheusMemory = '400 Mi'),
  },
  {
    name: 'bad Prometheus volume',
    code: 'options.quantity-invalid',
    severity: 'error',
    path: 'options.monitoring.prometheusVolume',
    mutate: (c) => void (c.options.monitoring.prometheusVolume = ''),
  },
  {
    name: 'bad Elasticsearch volume',
    code: 'options.quantity-invalid',
    severity: 'error',
    path: 'options.logging.elasticsearchVolume',
    mutate: (c) => void (c.options.logging.elasticsearchVolume = '20 GiB'),
  },
  {
    name: 'bad Jenkins memory request',
    code: 'options.quantity-invalid',
    severity: 'error',
    path: 'options.devops.jenkinsMemoryRequest',
    mutate: (c) => void (c.options.devops.jenkinsMemoryRequest = '4g'),
  },
  {
    name: 'Jenkins request above limit',
    code: 'options.jenkins-request-above-limit',
    severity: 'error',
    path: 'options.devops.jenkinsMemoryRequest',
    mutate: (c) => void (c.options.devops.jenkinsMemoryRequest = '16Gi'),
  },
  {
    name: 'registry mirror without scheme',
    code: 'options.registry-mirror-invalid',
    severity: 'error',
    path: 'options.registryMirrors.1',
    mutate: (c) => void (c.options.registryMirrors = ['https://mirror.example.com', 'mirror.example.org']),
    mentions: ['"mirror.example.org"'],
  },
  {
    name: 'etcd backup period 0',
    code: 'options.etcd-backup-period',
    severity: 'error',
    path: 'options.etcdBackup.period',
    mutate: (c) => void (c.options.etcdBackup.period = 0),
  },
  {
    name: 'etcd backups kept 0',
    code: 'options.etcd-backup-keep',
    severity: 'error',
    path: 'options.etcdBackup.keep',
    mutate: (c) => void (c.options.etcdBackup.keep = 0),
  },
  {
    name: 'relative etcd backup dir',
    code: 'options.etcd-backup-dir',
    severity: 'error',
    path: 'options.etcdBackup.dir',
    mutate: (c) => void (c.options.etcdBackup.dir = 'backups'),
  },
  {
    name: 'Harbor enabled',
    code: 'options.harbor-gitlab-memory',
    severity: 'warning',
    path: 'options.harbor.enabled',
    mutate: (c) => void (c.options.harbor.enabled = true),
    mentions: ['Harbor', '24 GiB'],
  },
  {
    name: 'GitLab enabled',
    code: 'options.harbor-gitlab-memory',
    severity: 'warning',
    path: 'options.gitlab.enabled',
    mutate: (c) => void (c.options.gitlab.enabled = true),
    mentions: ['GitLab', '24 GiB'],
  },
  // ---- safety
  {
    name: 'space in the SSH user',
    code: 'safety.hosts-ini',
    severity: 'error',
    path: 'hosts.3.user',
    mutate: (c) => {
      host(c, NODE1).user = 'ubuntu admin';
      host(c, NODE1).becomePassword = { set: true };
    },
    mentions: ['SSH user of node1', 'splits each hosts.ini line on whitespace'],
  },
  {
    name: 'newline in an SSH password value',
    code: 'safety.hosts-ini',
    severity: 'error',
    path: 'hosts.4.auth.password',
    mutate: (c) => void (host(c, NODE2).auth = { kind: 'password', password: { set: true, value: 'abc\nansible_connection=local' } }),
    mentions: ['SSH password of node2'],
  },
  {
    name: 'template in a sudo password value',
    code: 'safety.hosts-ini',
    severity: 'error',
    path: 'hosts.4.becomePassword',
    mutate: (c) => {
      host(c, NODE2).user = 'ubuntu';
      host(c, NODE2).becomePassword = { set: true, value: '{{ lookup("pipe","id") }}' };
    },
    mentions: ['Sudo password of node2', 'template'],
  },
  {
    name: 'template in a key passphrase value',
    code: 'safety.hosts-ini',
    severity: 'error',
    path: 'hosts.4.auth.passphrase',
    mutate: (c) => void (host(c, NODE2).auth = { kind: 'key', privateKey: { set: true }, passphrase: { set: true, value: 'a{%b' } }),
  },
  {
    name: 'template in an NFS path',
    code: 'safety.vars-yml',
    severity: 'error',
    path: 'storage.nfs.path',
    mutate: (c) => void (c.storage.nfs.path = '/mnt/{{ evil }}'),
    mentions: ['NFS path', 'template'],
  },
  {
    name: 'newline in the Jenkins Java options',
    code: 'safety.vars-yml',
    severity: 'error',
    path: 'options.devops.javaOpts',
    mutate: (c) => void (c.options.devops.javaOpts = '-Xms3g\n-Xmx6g'),
  },
  {
    name: 'template in a Ceph secret value',
    code: 'safety.vars-yml',
    severity: 'error',
    path: 'storage.cephRbd.adminSecret',
    mutate: (c) => void (c.storage.cephRbd.adminSecret = { set: true, value: 'AQ{{x}}' }),
  },
  {
    name: 'control character in a registry mirror',
    code: 'safety.vars-yml',
    severity: 'error',
    path: 'options.registryMirrors.0',
    mutate: (c) => void (c.options.registryMirrors = ['https://mirror.example.com/\u0007']),
  },
];

describe('the seed (docs HA example)', () => {
  it('has no error and no warning', () => {
    expect(collectIssues(seedConfig())).toEqual([]);
  });
});

describe.each(cases)('rule $code: $name', ({ code, severity, path, mutate, mentions = [] }) => {
  it('does not fire on the seed', () => {
    expect(withCode(seedConfig(), code)).toEqual([]);
  });

  it(`fires as ${severity} at ${path}`, () => {
    const config = seedConfig();
    mutate(config);
    const found = withCode(config, code);
    expect(found.map((issue) => issue.path)).toContain(path);
    const issue = found.find((candidate) => candidate.path === path);
    expect(issue?.severity).toBe(severity);
    for (const text of mentions) expect(issue?.message).toContain(text);
  });
});

describe("load balancer on a master's address", () => {
  it('is fine on another port (a proxy on that master), and by the SSH address too on 6443', () => {
    const config = seedConfig();
    externalLb(config).address = host(config, 0).ip;
    externalLb(config).port = 8443;
    expect(withCode(config, 'lb.address-is-master')).toEqual([]);
    const bySsh = seedConfig();
    host(bySsh, 2).ip = '10.0.0.3';
    externalLb(bySsh).address = host(bySsh, 2).address;
    expect(withCode(bySsh, 'lb.address-is-master').map((i) => i.message)).toEqual([expect.stringContaining('master3')]);
  });
  it("a worker's address is not this mistake", () => {
    const config = seedConfig();
    externalLb(config).address = host(config, NODE1).ip;
    expect(withCode(config, 'lb.address-is-master')).toEqual([]);
  });
});

describe('etcd count', () => {
  it('is an error at roles.etcd with 2 members and clears with 3', () => {
    const config = seedConfig();
    host(config, 2).roles.etcd = false;
    expect(withCode(config, 'roles.etcd-even').map((i) => [i.severity, i.path])).toEqual([['error', 'roles.etcd']]);
    host(config, 2).roles.etcd = true;
    expect(withCode(config, 'roles.etcd-even')).toEqual([]);
  });

  it('is an error with 4 members too, and names them', () => {
    const config = seedConfig();
    host(config, NODE1).roles.etcd = true;
    const [issue] = withCode(config, 'roles.etcd-even');
    expect(issue?.message).toContain('you have 4 (master1, master2, master3, node1)');
  });
});

describe('details', () => {
  it('reports a duplicate on every later host, naming the first', () => {
    const config = seedConfig();
    host(config, NODE2).ip = '192.168.0.4';
    host(config, 5).ip = '192.168.0.4';
    expect(withCode(config, 'host.ip-duplicate').map((i) => i.path)).toEqual(['hosts.4.ip', 'hosts.5.ip']);
    expect(withCode(config, 'host.ip-duplicate').every((i) => i.message.includes('node1'))).toBe(true);
  });

  it('with two hosts of the same name, every message about one of them says which (position and address)', () => {
    const config = seedConfig();
    const second = host(config, NODE2);
    second.name = host(config, NODE1).name; // two "node1"
    second.address = host(config, NODE1).address; // and the same SSH address
    const address = withCode(config, 'host.address-duplicate');
    expect(address.map((i) => i.message)).toEqual([
      `host ${NODE2 + 1} (node1, ${second.address}) has the same SSH address as host ${NODE1 + 1} (node1, ${second.address}) (${second.address}:22): each host needs its own address or port.`,
    ]);
    second.user = '';
    const user = collectIssues(config).filter((i) => i.path === `hosts.${NODE2}.user`);
    expect(user.length).toBeGreaterThan(0);
    expect(user.every((i) => i.message.includes(`host ${NODE2 + 1} (node1`) || !i.message.includes('node1'))).toBe(true);
  });

  it('accepts the same SSH address on a different port', () => {
    const config = seedConfig();
    host(config, NODE2).address = '192.168.0.4';
    host(config, NODE2).port = 2222;
    expect(withCode(config, 'host.address-duplicate')).toEqual([]);
  });

  it('lets a non-root taskbox log in with a password other than its sudo password (its hosts.ini line is local)', () => {
    const config = seedConfig();
    Object.assign(host(config, 0), {
      user: 'ubuntu',
      auth: { kind: 'password', password: { set: true, value: 'ssh-pass-1' } },
      becomePassword: { set: true, value: 'sudo-pass-2' },
    });
    expect(collectIssues(config)).toEqual([]);
  });

  it("lets the taskbox's SSH password hold a space: it is the wizard's login and never reaches hosts.ini", () => {
    const config = seedConfig();
    host(config, 0).auth = { kind: 'password', password: { set: true, value: 'correct horse {{battery}}' } };
    expect(collectIssues(config)).toEqual([]);
    host(config, NODE1).auth = { kind: 'password', password: { set: true, value: 'correct horse' } };
    expect(collectIssues(config).map((i) => [i.code, i.path])).toEqual([['safety.hosts-ini', 'hosts.3.auth.password']]);
  });

  it('accepts a non-root user with a sudo password', () => {
    const config = seedConfig();
    host(config, NODE1).user = 'ubuntu';
    host(config, NODE1).becomePassword = { set: true };
    expect(collectIssues(config)).toEqual([]);
  });

  it('reports a bad name once, not also as a hosts.ini safety problem', () => {
    const config = seedConfig();
    host(config, NODE1).name = 'node 1';
    expect(
      collectIssues(config)
        .filter((i) => i.path === 'hosts.3.name')
        .map((i) => i.code),
    ).toEqual(['host.name-invalid']);
  });

  it('names every extra default storage class', () => {
    const config = seedConfig();
    Object.assign(config.storage.glusterfs, { enabled: true, isDefault: true, restUrl: '192.168.0.40:8080', clusterId: 'abc', jwtAdminKey: { set: true } });
    Object.assign(config.storage.neonsan, { enabled: true, isDefault: true, serverAddress: '192.168.0.30:9530', clusterName: 'neon' });
    expect(withCode(config, 'storage.default-several').map((i) => i.path)).toEqual(['storage.glusterfs.isDefault', 'storage.neonsan.isDefault']);
    expect(withCode(config, 'storage.default-none')).toEqual([]);
  });

  it('says so when no storage backend is enabled at all', () => {
    const config = seedConfig();
    config.storage.nfs.enabled = false;
    const [issue] = withCode(config, 'storage.default-none');
    expect(issue?.message).toContain('Enable a storage backend');
  });

  it('allows local volume as the default of an all-in-one host', () => {
    const config = seedConfig();
    config.hosts = [
      defaultHost({
        name: 'ks-allinone',
        address: '192.168.0.1',
        ip: '192.168.0.1',
        taskbox: true,
        auth: { kind: 'password', password: { set: true } },
        roles: { master: true, etcd: true, worker: true },
      }),
    ];
    config.loadBalancer = { kind: 'none' };
    config.storage.nfs = { ...config.storage.nfs, enabled: false, isDefault: false };
    config.storage.localVolume = { ...config.storage.localVolume, enabled: true, isDefault: true };
    expect(collectIssues(config)).toEqual([]);
  });

  it('refuses local volume as the default of a multi-node kubesphere-2.0.2 install', () => {
    const config = seedConfig();
    config.installer.profile = 'kubesphere-2.0.2';
    config.storage.nfs = { ...config.storage.nfs, enabled: false, isDefault: false };
    config.storage.localVolume = { ...config.storage.localVolume, enabled: true, isDefault: true };
    const issues = withCode(config, 'storage.local-volume-default-multi-node');
    expect(issues.map((i) => [i.severity, i.path])).toEqual([['error', 'storage.localVolume.isDefault']]);
  });

  it('only warns about local volume as the default of a multi-node lab install', () => {
    const config = seedConfig();
    config.installer.profile = 'lab';
    config.storage.nfs = { ...config.storage.nfs, enabled: false, isDefault: false };
    config.storage.localVolume = { ...config.storage.localVolume, enabled: true, isDefault: true };
    const issues = withCode(config, 'storage.local-volume-default-multi-node');
    expect(issues.map((i) => [i.severity, i.path])).toEqual([['warning', 'storage.localVolume.isDefault']]);
    expect(issues[0]?.message).toContain('fine for the lab stand-in');
    expect(issues[0]?.message).toContain('NFS');
    expect(collectIssues(config).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('accepts a complete Ceph RBD, GlusterFS, QingCloud CSI and NeonSAN setup (only one default)', () => {
    const config = seedConfig();
    Object.assign(config.storage.cephRbd, {
      enabled: true,
      monitors: ['192.168.0.20:6789', 'ceph-mon2:6789'],
      adminSecret: { set: true },
      userSecret: { set: true },
      imageFormat: '2',
      imageFeatures: 'layering',
    });
    Object.assign(config.storage.glusterfs, { enabled: true, restUrl: 'http://192.168.0.40:8080', clusterId: 'abc', jwtAdminKey: { set: true } });
    Object.assign(config.storage.qingcloudCsi, { enabled: true });
    Object.assign(config.qingcloud, { accessKeyId: 'KEY', secretAccessKey: { set: true }, zone: 'pek3a' });
    Object.assign(config.storage.neonsan, { enabled: true, serverAddress: '192.168.0.30:9530', clusterName: 'neon' });
    expect(collectIssues(config)).toEqual([]);
  });

  it('lets quotes, # and = through in passwords (the renderer quotes them)', () => {
    const config = seedConfig();
    host(config, NODE1).auth = { kind: 'password', password: { set: true, value: `p"a'ss#w=rd;` } };
    expect(collectIssues(config)).toEqual([]);
  });

  it('never echoes a secret value in a message', () => {
    const config = seedConfig();
    host(config, NODE1).auth = { kind: 'password', password: { set: true, value: 'hunter2 {{x}}' } };
    const messages = collectIssues(config).map((i) => i.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).not.toContain('hunter2');
  });
});
