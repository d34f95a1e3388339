/**
 * Every rule the KubeSphere 2.0.2 installer (and the Kubespray 2.9 underneath it) imposes on an
 * install config, as small rule functions, one per concern.
 *
 * Invariants:
 * - `collectIssues` is pure and total: it never throws, whatever the (shape-valid) config holds.
 * - Each issue has a stable `code`, and a `path` that is the dot path of the field that fixes it
 *   (`hosts.1.ip`, `storage.nfs.server`) or, for count rules, a group path (`roles.etcd`,
 *   `storage`, `hosts`, `loadBalancer`). Array indexes are numeric segments.
 * - Duplicates are reported on the later host; the message names the earlier one.
 * - Errors block rendering the installer files; warnings only inform. `installConfigSchema`
 *   (./validate.ts) turns the errors into zod issues, so forms, API and renderer share one verdict.
 * - A safety issue (./safe-values.ts) is dropped when another error already points at the same
 *   field: one problem per field is enough for the operator.
 * - Messages are operator sentences that name the host or value and say what to do. Secret values
 *   are never echoed.
 */
import type { Host, InstallConfig, Role, StorageBackend } from './schema';
import { STORAGE_BACKENDS } from './schema';
import { RESERVED_NODE_PORTS } from './defaults';
import { isSet, type Secret } from './secret';
import type { ConfigIssue } from './issues';
import {
  cidrContains,
  cidrsOverlap,
  isDns1123Label,
  isDnsName,
  isHostnameOrIPv4,
  isHttpUrl,
  isIPv4,
  isIPv4WithPort,
  isRfc1123Hostname,
  isValidPort,
  parseCidr,
  parseHostPort,
  parseQuantity,
  type Cidr,
} from './net';
import { unsafeValueProblem, type UnsafeValueKind } from './safe-values';

/** One concern: returns the issues it finds, never throws. */
export type Rule = (config: InstallConfig) => ConfigIssue[];

const error = (code: string, path: string, message: string): ConfigIssue => ({ severity: 'error', code, path, message });
const warning = (code: string, path: string, message: string): ConfigIssue => ({ severity: 'warning', code, path, message });

// ---------------------------------------------------------------------------------------------
// Helpers

interface IndexedHost {
  host: Host;
  index: number;
}

const indexedHosts = (config: InstallConfig): IndexedHost[] => config.hosts.map((host, index) => ({ host, index }));

/** How the operator knows a host: its name, or its position when it has none yet. */
const hostLabel = ({ host, index }: IndexedHost): string => host.name.trim() || `host ${index + 1}`;

const hostLabels = (hosts: IndexedHost[]): string => hosts.map(hostLabel).join(', ');

const hostsWithRole = (config: InstallConfig, role: Role): IndexedHost[] =>
  indexedHosts(config).filter(({ host }) => host.roles[role]);

const isMultiNode = (config: InstallConfig): boolean => config.hosts.length > 1;

const isAbsolutePath = (path: string): boolean => path.startsWith('/');

const hostPath = (index: number, field: string): string => `hosts.${index}.${field}`;

// ---------------------------------------------------------------------------------------------
// Hosts: each host's own fields

function hostNameIssues(entry: IndexedHost): ConfigIssue[] {
  const { host, index } = entry;
  const path = hostPath(index, 'name');
  if (host.name === '') return [error('host.name-required', path, `Host ${index + 1} has no name: give it a lower-case inventory name such as node${index + 1}.`)];
  if (isRfc1123Hostname(host.name)) return [];
  const lower = host.name.toLowerCase();
  const hint = lower !== host.name && isRfc1123Hostname(lower) ? ` Use "${lower}".` : '';
  return [
    error(
      'host.name-invalid',
      path,
      `Host name "${host.name}" is not valid: use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (at most 63 characters per label). Kubespray renames each machine to its inventory name and stops on a bad one.${hint}`,
    ),
  ];
}

function hostAddressIssues(entry: IndexedHost): ConfigIssue[] {
  const { host, index } = entry;
  if (host.taskbox) return []; // the taskbox line uses ansible_connection=local, no address
  const path = hostPath(index, 'address');
  if (host.address === '') {
    return [error('host.address-required', path, `${hostLabel(entry)} has no SSH address: enter the IP or DNS name the taskbox connects to.`)];
  }
  if (isHostnameOrIPv4(host.address)) return [];
  return [error('host.address-invalid', path, `SSH address "${host.address}" of ${hostLabel(entry)} is neither an IPv4 address nor a DNS name.`)];
}

function hostIpIssues(entry: IndexedHost): ConfigIssue[] {
  const { host, index } = entry;
  const path = hostPath(index, 'ip');
  if (host.ip === '') {
    return [error('host.ip-required', path, `${hostLabel(entry)} has no internal IP: enter the IPv4 address configured on one of its interfaces.`)];
  }
  if (isIPv4(host.ip)) return [];
  return [
    error('host.ip-invalid', path, `Internal IP "${host.ip}" of ${hostLabel(entry)} is not an IPv4 address (e.g. 192.168.0.4): Kubernetes and etcd bind to it.`),
  ];
}

function hostPortIssues(entry: IndexedHost): ConfigIssue[] {
  const { host, index } = entry;
  if (host.taskbox || isValidPort(host.port)) return [];
  return [error('host.port-invalid', hostPath(index, 'port'), `SSH port ${host.port} of ${hostLabel(entry)} must be a whole number from 1 to 65535 (usually 22).`)];
}

function hostUserIssues(entry: IndexedHost): ConfigIssue[] {
  const { host, index } = entry;
  if (host.user === '') return [error('host.user-required', hostPath(index, 'user'), `${hostLabel(entry)} has no SSH user: enter root or a user with sudo.`)];
  if (host.user === 'root' || isSet(host.becomePassword)) return [];
  return [
    error(
      'host.become-password-required',
      hostPath(index, 'becomePassword'),
      `${hostLabel(entry)} logs in as "${host.user}", not root: enter that user's sudo password; the installer needs sudo on every host.`,
    ),
  ];
}

function hostAuthIssues(entry: IndexedHost): ConfigIssue[] {
  const { host, index } = entry;
  if (host.taskbox) return []; // the taskbox reaches itself locally: a credential is optional
  const path = hostPath(index, 'auth');
  const label = hostLabel(entry);
  switch (host.auth.kind) {
    case 'none':
      return [error('host.auth-missing', path, `${label} has no SSH credential: only the taskbox runs locally. Choose a password or a private key so the taskbox can log in to ${label}.`)];
    case 'password':
      return isSet(host.auth.password) ? [] : [error('host.auth-missing', path, `The SSH password of ${label} is not set: enter it, or switch ${label} to a private key.`)];
    case 'key':
      return isSet(host.auth.privateKey) ? [] : [error('host.auth-missing', path, `The private key of ${label} is not set: paste the key the taskbox uses to log in to ${label}.`)];
  }
}

function hostRoleIssues(entry: IndexedHost): ConfigIssue[] {
  const { roles } = entry.host;
  if (roles.master || roles.etcd || roles.worker) return [];
  return [error('host.no-role', hostPath(entry.index, 'roles'), `${hostLabel(entry)} has no role: make it a master, etcd member or worker, or remove it.`)];
}

const hostFieldRules: Rule = (config) =>
  indexedHosts(config).flatMap((entry) => [
    ...hostNameIssues(entry),
    ...hostAddressIssues(entry),
    ...hostIpIssues(entry),
    ...hostPortIssues(entry),
    ...hostUserIssues(entry),
    ...hostAuthIssues(entry),
    ...hostRoleIssues(entry),
  ]);

// ---------------------------------------------------------------------------------------------
// Hosts: across hosts

/** Reports every host whose key equals an earlier host's key, naming the earlier host. */
function duplicateIssues(
  config: InstallConfig,
  keyOf: (host: Host) => string | undefined,
  report: (later: IndexedHost, earlier: IndexedHost) => ConfigIssue,
): ConfigIssue[] {
  const firstByKey = new Map<string, IndexedHost>();
  const issues: ConfigIssue[] = [];
  for (const entry of indexedHosts(config)) {
    const key = keyOf(entry.host);
    if (key === undefined || key === '') continue;
    const earlier = firstByKey.get(key);
    if (earlier) issues.push(report(entry, earlier));
    else firstByKey.set(key, entry);
  }
  return issues;
}

const duplicateHostRules: Rule = (config) => [
  ...duplicateIssues(
    config,
    (host) => host.name,
    (later, earlier) =>
      error(
        'host.name-duplicate',
        hostPath(later.index, 'name'),
        `Host ${later.index + 1} is called "${later.host.name}" like host ${earlier.index + 1}${earlier.host.ip ? ` (${earlier.host.ip})` : ''}: inventory names must be unique, because Kubespray renames each machine to its inventory name.`,
      ),
  ),
  ...duplicateIssues(
    config,
    (host) => (host.taskbox || host.address === '' ? undefined : `${host.address.toLowerCase()}:${host.port}`),
    (later, earlier) =>
      error(
        'host.address-duplicate',
        hostPath(later.index, 'address'),
        `${hostLabel(later)} has the same SSH address as ${hostLabel(earlier)} (${later.host.address}:${later.host.port}): each host needs its own address or port.`,
      ),
  ),
  ...duplicateIssues(
    config,
    (host) => host.ip,
    (later, earlier) =>
      error(
        'host.ip-duplicate',
        hostPath(later.index, 'ip'),
        `${hostLabel(later)} has the same internal IP as ${hostLabel(earlier)} (${later.host.ip}): each machine needs its own IP.`,
      ),
  ),
];

const taskboxRules: Rule = (config) => {
  const taskboxes = indexedHosts(config).filter(({ host }) => host.taskbox);
  const [first, ...extra] = taskboxes;
  if (!first) {
    return config.hosts.length === 0
      ? []
      : [warning('hosts.no-taskbox', 'hosts', "No host is the taskbox: the installer runs from the taskbox; mark the host you will run it on, or the wizard's machine runs it over SSH.")];
  }
  return extra.map((entry) =>
    error('host.taskbox-multiple', hostPath(entry.index, 'taskbox'), `Only one host can be the taskbox, and ${hostLabel(first)} already is: unmark ${hostLabel(entry)}.`),
  );
};

const hostCountRules: Rule = (config) => {
  const count = config.hosts.length;
  if (count === 0) return [error('hosts.empty', 'hosts', 'Add the machines of the cluster: at least one host.')];
  if (count === 2) {
    return [warning('hosts.fewer-than-three', 'hosts', `A multi-node cluster needs at least 3 hosts per the KubeSphere docs: you have ${count} (${hostLabels(indexedHosts(config))}).`)];
  }
  return [];
};

// ---------------------------------------------------------------------------------------------
// Roles

const requiredRoleRules: Rule = (config) => {
  const issues: ConfigIssue[] = [];
  if (hostsWithRole(config, 'master').length === 0) {
    issues.push(error('roles.master-missing', 'roles.master', 'No host is a master: mark at least one host as master (Kubespray stops when [kube-master] is empty).'));
  }
  if (hostsWithRole(config, 'etcd').length === 0) {
    issues.push(error('roles.etcd-missing', 'roles.etcd', 'No host runs etcd: mark 1, 3 or 5 hosts, normally the masters, as etcd members.'));
  }
  if (hostsWithRole(config, 'worker').length === 0) {
    issues.push(error('roles.worker-missing', 'roles.worker', 'No host is a worker: mark at least one host as worker (Kubespray stops when [kube-node] is empty).'));
  }
  return issues;
};

const etcdRules: Rule = (config) => {
  const etcd = hostsWithRole(config, 'etcd');
  const masters = hostsWithRole(config, 'master');
  const issues: ConfigIssue[] = [];
  if (etcd.length > 0 && etcd.length % 2 === 0) {
    issues.push(
      error(
        'roles.etcd-even',
        'roles.etcd',
        `etcd needs an odd number of members: you have ${etcd.length} (${hostLabels(etcd)}). Add or remove one so there are ${etcd.length - 1} or ${etcd.length + 1}; Kubespray refuses an even count.`,
      ),
    );
  }
  if (etcd.length === 1 && masters.length > 1) {
    issues.push(
      warning(
        'roles.single-etcd',
        'roles.etcd',
        `Only one etcd member (${hostLabels(etcd)}) for ${masters.length} masters: when it fails, every master stops. Run etcd on 3 masters for HA.`,
      ),
    );
  }
  for (const entry of etcd) {
    if (entry.host.roles.worker && !entry.host.roles.master) {
      issues.push(
        warning(
          'roles.etcd-on-worker',
          hostPath(entry.index, 'roles.etcd'),
          `${hostLabel(entry)} runs etcd on a worker: etcd is memory hungry and competes with workloads there. The docs put etcd on the masters.`,
        ),
      );
    }
  }
  return issues;
};

const masterCountRules: Rule = (config) => {
  const masters = hostsWithRole(config, 'master');
  if (masters.length !== 2) return [];
  return [
    warning(
      'roles.two-masters',
      'roles.master',
      `Two masters (${hostLabels(masters)}) give no more fault tolerance for etcd than one: with 2 members, losing either one loses the quorum. Use 3 masters for HA, or 1 if you do not need HA.`,
    ),
  ];
};

// ---------------------------------------------------------------------------------------------
// Load balancer

const loadBalancerRules: Rule = (config) => {
  const lb = config.loadBalancer;
  const masterCount = hostsWithRole(config, 'master').length;
  if (lb.kind === 'none') {
    if (masterCount < 2) return [];
    return [
      warning(
        'lb.missing',
        'loadBalancer',
        `You have ${masterCount} masters but no load balancer: workers reach the masters through a per-node nginx proxy, but kubectl and other clients get no single stable endpoint. The docs' HA setup puts an LB (TCP 6443, round-robin to every master) in front.`,
      ),
    ];
  }
  const issues: ConfigIssue[] = [];
  if (lb.address === '') {
    issues.push(error('lb.address-required', 'loadBalancer.address', 'Enter the IPv4 address (or VIP) of the load balancer in front of the masters.'));
  } else if (!isIPv4(lb.address)) {
    issues.push(
      error(
        'lb.address-invalid',
        'loadBalancer.address',
        `Load balancer address "${lb.address}" must be an IPv4 address: it becomes an /etc/hosts entry on every node; a DNS name breaks HA installs (ISS #1470).`,
      ),
    );
  }
  if (!isValidPort(lb.port)) {
    issues.push(error('lb.port-invalid', 'loadBalancer.port', `Load balancer port ${lb.port} must be a whole number from 1 to 65535 (usually 6443).`));
  } else if (lb.port !== 6443) {
    issues.push(
      warning(
        'lb.port-not-6443',
        'loadBalancer.port',
        `The load balancer port is ${lb.port}, not the usual 6443: the LB listener must use the same port (${lb.port}); its backends stay on the masters' 6443.`,
      ),
    );
  }
  if (!isDnsName(lb.domain)) {
    issues.push(
      error(
        'lb.domain-invalid',
        'loadBalancer.domain',
        `Load balancer domain "${lb.domain}" is not a valid DNS name (e.g. lb.kubesphere.local): it goes into /etc/hosts and the apiserver certificate.`,
      ),
    );
  }
  if (masterCount === 1) {
    issues.push(warning('lb.single-master', 'loadBalancer', 'A load balancer in front of a single master adds nothing: add masters (3 for HA) or choose no load balancer.'));
  }
  return issues;
};

// ---------------------------------------------------------------------------------------------
// Network

interface CidrField {
  path: 'network.serviceCidr' | 'network.podCidr';
  label: string;
  code: string;
}

const SERVICE_CIDR: CidrField = { path: 'network.serviceCidr', label: 'Service CIDR', code: 'network.service-cidr-invalid' };
const POD_CIDR: CidrField = { path: 'network.podCidr', label: 'Pod CIDR', code: 'network.pod-cidr-invalid' };

/** Where a host's addresses fall inside `cidr`, as "node1 (internal IP 10.233.0.5)". */
function hostAddressesInside(config: InstallConfig, cidr: Cidr): string[] {
  return indexedHosts(config).flatMap((entry) => {
    const found: string[] = [];
    if (cidrContains(cidr, entry.host.ip)) found.push(`${hostLabel(entry)} (internal IP ${entry.host.ip})`);
    if (!entry.host.taskbox && entry.host.address !== entry.host.ip && cidrContains(cidr, entry.host.address)) {
      found.push(`${hostLabel(entry)} (SSH address ${entry.host.address})`);
    }
    return found;
  });
}

function cidrIssues(config: InstallConfig, field: CidrField, value: string): { cidr?: Cidr; issues: ConfigIssue[] } {
  const parsed = parseCidr(value);
  if (!parsed.ok) return { issues: [error(field.code, field.path, `${field.label}: ${parsed.problem}.`)] };
  const { cidr } = parsed;
  const issues: ConfigIssue[] = [];
  const inside = hostAddressesInside(config, cidr);
  if (inside.length > 0) {
    issues.push(
      error(
        'network.cidr-contains-host',
        field.path,
        `${field.label} ${cidr.text} contains addresses of your machines: ${inside.join(', ')}. Node addresses must stay outside the service and pod CIDRs: pick another block for the CIDR.`,
      ),
    );
  }
  const lb = config.loadBalancer;
  if (lb.kind === 'external' && cidrContains(cidr, lb.address)) {
    issues.push(
      error('network.cidr-contains-lb', field.path, `${field.label} ${cidr.text} contains the load balancer address ${lb.address}: pick another block for the CIDR.`),
    );
  }
  return { cidr, issues };
}

const networkRules: Rule = (config) => {
  const { network } = config;
  const service = cidrIssues(config, SERVICE_CIDR, network.serviceCidr);
  const pod = cidrIssues(config, POD_CIDR, network.podCidr);
  const issues = [...service.issues, ...pod.issues];
  if (service.cidr && pod.cidr && cidrsOverlap(service.cidr, pod.cidr)) {
    issues.push(
      error(
        'network.cidrs-overlap',
        POD_CIDR.path,
        `Pod CIDR ${pod.cidr.text} overlaps the service CIDR ${service.cidr.text}: pick blocks that share no address (defaults 10.233.64.0/18 and 10.233.0.0/18).`,
      ),
    );
  }
  if (!Number.isInteger(network.maxPods) || network.maxPods < 1 || network.maxPods > 250) {
    issues.push(
      error(
        'network.max-pods-range',
        'network.maxPods',
        `Max pods per node ${network.maxPods} must be a whole number from 1 to 250: each node gets a /24 of the pod CIDR, and Kubespray stops when the pods do not fit (default 110).`,
      ),
    );
  }
  return issues;
};

// ---------------------------------------------------------------------------------------------
// Storage

const BACKEND_LABELS: Record<StorageBackend, string> = {
  localVolume: 'Local volume',
  nfs: 'NFS',
  cephRbd: 'Ceph RBD',
  glusterfs: 'GlusterFS',
  qingcloudCsi: 'QingCloud CSI',
  neonsan: 'NeonSAN',
};

const defaultPath = (backend: StorageBackend): string => `storage.${backend}.isDefault`;

const defaultClassRules: Rule = (config) => {
  const { storage } = config;
  const enabled = STORAGE_BACKENDS.filter((backend) => storage[backend].enabled);
  const defaults = enabled.filter((backend) => storage[backend].isDefault);
  const issues: ConfigIssue[] = STORAGE_BACKENDS.filter((backend) => !storage[backend].enabled && storage[backend].isDefault).map((backend) =>
    warning(
      'storage.default-on-disabled',
      defaultPath(backend),
      `${BACKEND_LABELS[backend]} is marked default but not enabled: the installer ignores it. Enable ${BACKEND_LABELS[backend]} or unmark it.`,
    ),
  );
  const [first, ...extra] = defaults;
  if (!first) {
    const hint = enabled.length === 0 ? ' Enable a storage backend and make it the default.' : ` Make one of ${enabled.map((b) => BACKEND_LABELS[b]).join(', ')} the default.`;
    issues.push(error('storage.default-none', 'storage', `Exactly one enabled storage backend must be the default class: none is.${hint}`));
  }
  const allDefaults = defaults.map((b) => BACKEND_LABELS[b]).join(', ');
  for (const backend of extra) {
    issues.push(
      error(
        'storage.default-several',
        defaultPath(backend),
        `Exactly one enabled storage backend can be the default class, but ${allDefaults} all are: unmark ${BACKEND_LABELS[backend]} (or keep it and unmark the others).`,
      ),
    );
  }
  return issues;
};

const localVolumeRules: Rule = (config) => {
  const local = config.storage.localVolume;
  if (!local.enabled || !isMultiNode(config)) return [];
  const count = config.hosts.length;
  if (local.isDefault) {
    return [
      error(
        'storage.local-volume-default-multi-node',
        defaultPath('localVolume'),
        `Local volume cannot be the default storage class of a ${count}-host cluster: it is for all-in-one testing only, so PVCs would stay Pending. Make NFS, Ceph RBD, GlusterFS, QingCloud CSI or NeonSAN the default.`,
      ),
    ];
  }
  return [
    warning(
      'storage.local-volume-multi-node',
      'storage.localVolume.enabled',
      `Local volume is enabled on a ${count}-host cluster: it is for all-in-one testing only and provisions nothing dynamically. Disable it unless you create its volumes by hand.`,
    ),
  ];
};

const storageClassNameRules: Rule = (config) => {
  const { storage } = config;
  const named = [
    { backend: 'localVolume' as const, enabled: storage.localVolume.enabled, name: storage.localVolume.storageClass },
    { backend: 'cephRbd' as const, enabled: storage.cephRbd.enabled, name: storage.cephRbd.storageClass },
    { backend: 'glusterfs' as const, enabled: storage.glusterfs.enabled, name: storage.glusterfs.storageClass },
  ].filter((entry) => entry.enabled);
  const issues: ConfigIssue[] = [];
  const firstByName = new Map<string, StorageBackend>();
  for (const { backend, name } of named) {
    const path = `storage.${backend}.storageClass`;
    const earlier = firstByName.get(name);
    if (!isDns1123Label(name)) {
      issues.push(
        error(
          'storage.class-name-invalid',
          path,
          `Storage class name "${name}" of ${BACKEND_LABELS[backend]} is not valid: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit.`,
        ),
      );
    } else if (earlier) {
      issues.push(error('storage.class-name-duplicate', path, `${BACKEND_LABELS[backend]} uses the storage class name "${name}" like ${BACKEND_LABELS[earlier]}: give each its own name.`));
    } else {
      firstByName.set(name, backend);
    }
  }
  return issues;
};

function requiredSecret(secret: Secret, code: string, path: string, message: string): ConfigIssue[] {
  return isSet(secret) ? [] : [error(code, path, message)];
}

function requiredText(value: string, code: string, path: string, message: string): ConfigIssue[] {
  return value.trim() === '' ? [error(code, path, message)] : [];
}

const nfsRules: Rule = ({ storage: { nfs } }) => {
  if (!nfs.enabled) return [];
  const issues: ConfigIssue[] = [];
  if (nfs.server === '') issues.push(error('storage.nfs.server-required', 'storage.nfs.server', 'Enter the NFS server (IP or host name) that exports the volume.'));
  else if (!isHostnameOrIPv4(nfs.server)) {
    issues.push(error('storage.nfs.server-invalid', 'storage.nfs.server', `NFS server "${nfs.server}" is neither an IPv4 address nor a host name.`));
  }
  if (nfs.path === '') issues.push(error('storage.nfs.path-required', 'storage.nfs.path', 'Enter the path the NFS server exports, e.g. /mnt/kubesphere.'));
  else if (!isAbsolutePath(nfs.path)) {
    issues.push(error('storage.nfs.path-not-absolute', 'storage.nfs.path', `NFS path "${nfs.path}" must be the absolute exported path, starting with "/".`));
  }
  return issues;
};

const cephRbdRules: Rule = ({ storage: { cephRbd: ceph } }) => {
  if (!ceph.enabled) return [];
  const issues: ConfigIssue[] = [];
  if (ceph.monitors.length === 0) {
    issues.push(error('storage.ceph.monitors-required', 'storage.cephRbd.monitors', 'Add at least one Ceph monitor as ip:port, e.g. 192.168.0.20:6789.'));
  }
  ceph.monitors.forEach((monitor, index) => {
    if (parseHostPort(monitor)) return;
    issues.push(error('storage.ceph.monitor-invalid', `storage.cephRbd.monitors.${index}`, `Ceph monitor "${monitor}" must be ip:port or host:port, e.g. 192.168.0.20:6789.`));
  });
  issues.push(
    ...requiredSecret(ceph.adminSecret, 'storage.ceph.admin-secret-required', 'storage.cephRbd.adminSecret', 'Enter the Ceph admin secret: the output of `ceph auth get-key client.admin`.'),
    ...requiredSecret(ceph.userSecret, 'storage.ceph.user-secret-required', 'storage.cephRbd.userSecret', `Enter the Ceph user secret: the key of client.${ceph.userId || 'admin'} used to map images.`),
  );
  if (ceph.imageFormat === '1' && ceph.imageFeatures.trim() !== '') {
    issues.push(
      error(
        'storage.ceph.image-features-format-1',
        'storage.cephRbd.imageFeatures',
        `Ceph image features ("${ceph.imageFeatures}") only work with image format 2: set the image format to 2 or clear the features.`,
      ),
    );
  }
  return issues;
};

const glusterfsRules: Rule = ({ storage: { glusterfs: gluster } }) => {
  if (!gluster.enabled) return [];
  const issues: ConfigIssue[] = [];
  if (gluster.restUrl === '') {
    issues.push(error('storage.glusterfs.rest-url-required', 'storage.glusterfs.restUrl', 'Enter the Heketi REST URL, e.g. http://192.168.0.4:8080.'));
  } else if (!isHttpUrl(gluster.restUrl) && !parseHostPort(gluster.restUrl)) {
    issues.push(
      error('storage.glusterfs.rest-url-invalid', 'storage.glusterfs.restUrl', `Heketi REST URL "${gluster.restUrl}" must be an http(s) URL or ip:port, e.g. http://192.168.0.4:8080.`),
    );
  }
  issues.push(
    ...requiredText(gluster.clusterId, 'storage.glusterfs.cluster-id-required', 'storage.glusterfs.clusterId', 'Enter the GlusterFS cluster ID: the output of `heketi-cli cluster list`.'),
  );
  if (gluster.restAuthEnabled) {
    issues.push(
      ...requiredSecret(
        gluster.jwtAdminKey,
        'storage.glusterfs.jwt-admin-key-required',
        'storage.glusterfs.jwtAdminKey',
        'Enter the Heketi admin key (jwt.admin.key in /etc/heketi/heketi.json), or turn REST authentication off.',
      ),
    );
  }
  if (!(gluster.gidMin < gluster.gidMax)) {
    issues.push(
      error('storage.glusterfs.gid-range', 'storage.glusterfs.gidMax', `GlusterFS GID range is empty: the maximum (${gluster.gidMax}) must be above the minimum (${gluster.gidMin}).`),
    );
  }
  return issues;
};

/** The QingCloud API block is shared by QingCloud CSI and the QingCloud LB plugin. */
const qingcloudRules: Rule = ({ storage, qingcloud }) => {
  const users = [storage.qingcloudCsi.enabled ? 'QingCloud CSI' : '', qingcloud.lbEnabled ? 'The QingCloud LB plugin' : ''].filter(Boolean);
  const issues: ConfigIssue[] = [];
  if (users.length > 0) {
    const who = users.join(' and ');
    const verb = users.length > 1 ? 'need' : 'needs';
    issues.push(
      ...requiredText(qingcloud.accessKeyId, 'qingcloud.access-key-required', 'qingcloud.accessKeyId', `${who} ${verb} the QingCloud API access key ID: create one in the QingCloud console.`),
      ...requiredSecret(qingcloud.secretAccessKey, 'qingcloud.secret-key-required', 'qingcloud.secretAccessKey', `${who} ${verb} the secret of the QingCloud API access key.`),
      ...requiredText(qingcloud.zone, 'qingcloud.zone-required', 'qingcloud.zone', `${who} ${verb} the QingCloud zone of the cluster, e.g. pek3a.`),
    );
  }
  const csi = storage.qingcloudCsi;
  if (csi.enabled && !(csi.minSize <= csi.maxSize)) {
    issues.push(error('storage.qingcloud-csi.size-range', 'storage.qingcloudCsi.minSize', `QingCloud CSI minimum size (${csi.minSize} GiB) is above the maximum (${csi.maxSize} GiB).`));
  }
  return issues;
};

const neonsanRules: Rule = ({ storage: { neonsan } }) => {
  if (!neonsan.enabled) return [];
  const issues: ConfigIssue[] = [];
  if (neonsan.serverAddress === '') {
    issues.push(error('storage.neonsan.server-address-required', 'storage.neonsan.serverAddress', 'Enter the NeonSAN server address as IP:PORT.'));
  } else if (!isIPv4WithPort(neonsan.serverAddress)) {
    issues.push(error('storage.neonsan.server-address-invalid', 'storage.neonsan.serverAddress', `NeonSAN server address "${neonsan.serverAddress}" must be IP:PORT, e.g. 192.168.0.30:9530.`));
  }
  issues.push(...requiredText(neonsan.clusterName, 'storage.neonsan.cluster-name-required', 'storage.neonsan.clusterName', 'Enter the NeonSAN cluster name.'));
  return issues;
};

// ---------------------------------------------------------------------------------------------
// Options

const consolePortRules: Rule = (config) => {
  const { port } = config.options.console;
  const path = 'options.console.port';
  if (!Number.isInteger(port) || port < 30000 || port > 32767) {
    return [error('options.console-port-range', path, `Console port ${port} must be a NodePort from 30000 to 32767 (default 30880).`)];
  }
  if ((RESERVED_NODE_PORTS as readonly number[]).includes(port)) {
    return [error('options.console-port-reserved', path, `Console port ${port} is reserved by KubeSphere (30180 Jenkins, 30280 Harbor, 30380 internal): pick another, e.g. 30880.`)];
  }
  return [];
};

const quantityRules: Rule = ({ options }) => {
  const fields = [
    { path: 'options.monitoring.prometheusMemory', label: 'Prometheus memory', value: options.monitoring.prometheusMemory },
    { path: 'options.monitoring.prometheusVolume', label: 'Prometheus volume size', value: options.monitoring.prometheusVolume },
    { path: 'options.logging.elasticsearchVolume', label: 'Elasticsearch volume size', value: options.logging.elasticsearchVolume },
    { path: 'options.devops.jenkinsMemoryLimit', label: 'Jenkins memory limit', value: options.devops.jenkinsMemoryLimit },
    { path: 'options.devops.jenkinsMemoryRequest', label: 'Jenkins memory request', value: options.devops.jenkinsMemoryRequest },
  ];
  const issues: ConfigIssue[] = fields
    .filter(({ value }) => parseQuantity(value) === undefined)
    .map(({ path, label, value }) =>
      error(
        'options.quantity-invalid',
        path,
        `${label} "${value}" is not a Kubernetes quantity such as 400Mi, 8Gi or 20Gi: Kubernetes would fail with "unable to parse quantity's suffix".`,
      ),
    );
  const limit = parseQuantity(options.devops.jenkinsMemoryLimit);
  const request = parseQuantity(options.devops.jenkinsMemoryRequest);
  if (limit !== undefined && request !== undefined && request > limit) {
    issues.push(
      error(
        'options.jenkins-request-above-limit',
        'options.devops.jenkinsMemoryRequest',
        `Jenkins memory request (${options.devops.jenkinsMemoryRequest}) is above its limit (${options.devops.jenkinsMemoryLimit}): Kubernetes would refuse the pod.`,
      ),
    );
  }
  return issues;
};

const registryMirrorRules: Rule = ({ options }) =>
  options.registryMirrors.flatMap((mirror, index) =>
    isHttpUrl(mirror)
      ? []
      : [error('options.registry-mirror-invalid', `options.registryMirrors.${index}`, `Registry mirror "${mirror}" must be an http:// or https:// URL, e.g. https://mirror.example.com.`)],
  );

const etcdBackupRules: Rule = ({ options: { etcdBackup } }) => {
  const issues: ConfigIssue[] = [];
  if (!Number.isInteger(etcdBackup.period) || etcdBackup.period < 1) {
    issues.push(error('options.etcd-backup-period', 'options.etcdBackup.period', `etcd backup period ${etcdBackup.period} must be a whole number of minutes, at least 1 (default 30).`));
  }
  if (!Number.isInteger(etcdBackup.keep) || etcdBackup.keep < 1) {
    issues.push(error('options.etcd-backup-keep', 'options.etcdBackup.keep', `Number of etcd backups to keep (${etcdBackup.keep}) must be a whole number, at least 1 (default 5).`));
  }
  if (!isAbsolutePath(etcdBackup.dir)) {
    issues.push(error('options.etcd-backup-dir', 'options.etcdBackup.dir', `etcd backup directory "${etcdBackup.dir}" must be an absolute path, e.g. /var/backups/kube_etcd.`));
  }
  return issues;
};

const devopsMemoryRules: Rule = ({ options }) => {
  const heavy = [options.harbor.enabled ? 'Harbor' : '', options.gitlab.enabled ? 'GitLab' : ''].filter(Boolean);
  if (heavy.length === 0) return [];
  const path = options.harbor.enabled ? 'options.harbor.enabled' : 'options.gitlab.enabled';
  return [warning('options.harbor-gitlab-memory', path, `${heavy.join(' and ')} need more memory: make sure your hosts have at least 24 GiB of RAM in total.`)];
};

// ---------------------------------------------------------------------------------------------
// Safety of every value written into hosts.ini and vars.yml

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
    if (!host.taskbox) values.push({ path: hostPath(index, 'address'), label: `SSH address of ${of}`, value: host.address });
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
  return values;
}

function unsafeValueIssues(values: WrittenValue[], kind: UnsafeValueKind, code: string): ConfigIssue[] {
  return values.flatMap(({ path, label, value }) => {
    const problem = value === undefined ? undefined : unsafeValueProblem(value, kind);
    return problem === undefined ? [] : [error(code, path, `${label} ${problem}.`)];
  });
}

const safetyRules: Rule = (config) => [
  ...unsafeValueIssues(hostsIniValues(config), 'ini-token', 'safety.hosts-ini'),
  ...unsafeValueIssues(varsYmlValues(config), 'yaml-string', 'safety.vars-yml'),
];

// ---------------------------------------------------------------------------------------------

/** Every rule, in the order the wizard shows its steps. */
export const RULES: readonly Rule[] = [
  hostCountRules,
  hostFieldRules,
  duplicateHostRules,
  taskboxRules,
  requiredRoleRules,
  etcdRules,
  masterCountRules,
  loadBalancerRules,
  defaultClassRules,
  localVolumeRules,
  storageClassNameRules,
  nfsRules,
  cephRbdRules,
  glusterfsRules,
  qingcloudRules,
  neonsanRules,
  networkRules,
  consolePortRules,
  quantityRules,
  registryMirrorRules,
  etcdBackupRules,
  devopsMemoryRules,
  safetyRules,
];

const isSafetyIssue = (issue: ConfigIssue): boolean => issue.code.startsWith('safety.');

/** All errors and warnings of `config`, in step order. */
export function collectIssues(config: InstallConfig): ConfigIssue[] {
  const issues = RULES.flatMap((rule) => rule(config));
  const pathsWithOtherErrors = new Set(issues.filter((issue) => issue.severity === 'error' && !isSafetyIssue(issue)).map((issue) => issue.path));
  return issues.filter((issue) => !isSafetyIssue(issue) || !pathsWithOtherErrors.has(issue.path));
}
