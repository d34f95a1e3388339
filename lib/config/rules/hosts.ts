/** Host rules: each host's own fields, duplicates across hosts, the taskbox and the host count. */
import type { Host, InstallConfig } from '../schema';
import { isSet } from '../secret';
import type { ConfigIssue } from '../issues';
import { isHostnameOrIPv4, isIPv4, isRfc1123Hostname, isValidPort } from '../net';
import { error, hostLabel, hostLabels, hostPath, indexedHosts, warning, type IndexedHost, type Rule } from './helpers';

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

/**
 * The installer's script appends `ansible_ssh_pass=<ansible_become_pass>` to every non-root line
 * (reference §1.4), so a non-root host logs in with its sudo password. Only decidable where both
 * values are in hand (the server, or a form where the operator typed both).
 */
function nonRootPasswordIssues(entry: IndexedHost): ConfigIssue[] {
  const { host, index } = entry;
  if (host.user === 'root' || host.taskbox || host.auth.kind !== 'password') return [];
  const ssh = host.auth.password.value;
  const sudo = host.becomePassword.value;
  if (ssh === undefined || sudo === undefined || ssh === sudo) return [];
  return [
    error(
      'host.nonroot-password-mismatch',
      hostPath(index, 'becomePassword'),
      `${hostLabel(entry)} logs in as "${host.user}" with a password that differs from its sudo password: the installer logs in to non-root hosts with the sudo password (its script copies ansible_become_pass into ansible_ssh_pass). Use the same password for both, or log in with a private key.`,
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

export const hostFieldRules: Rule = (config) =>
  indexedHosts(config).flatMap((entry) => [
    ...hostNameIssues(entry),
    ...hostAddressIssues(entry),
    ...hostIpIssues(entry),
    ...hostPortIssues(entry),
    ...hostUserIssues(entry),
    ...nonRootPasswordIssues(entry),
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

export const duplicateHostRules: Rule = (config) => [
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

export const taskboxRules: Rule = (config) => {
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

export const hostCountRules: Rule = (config) => {
  const count = config.hosts.length;
  if (count === 0) return [error('hosts.empty', 'hosts', 'Add the machines of the cluster: at least one host.')];
  if (count === 2) {
    return [warning('hosts.fewer-than-three', 'hosts', `A multi-node cluster needs at least 3 hosts per the KubeSphere docs: you have ${count} (${hostLabels(indexedHosts(config))}).`)];
  }
  return [];
};
