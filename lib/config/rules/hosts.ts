/**
 * Host rules: each host's own fields, duplicates across hosts, the taskbox and the host count.
 * Every host's SSH login is checked, the taskbox's too: the installer reaches the other hosts with
 * theirs, and the wizard reaches the taskbox with its own to run the installer there.
 */
import type { Host, InstallConfig } from '../schema';
import type { ConfigIssue } from '../issues';
import { isIPv4, isRfc1123Hostname } from '../net';
import { error, hostLabel, hostLabels, hostPath, indexedHosts, warning, type IndexedHost, type Rule } from './helpers';
import { loginAddressIssues, loginAuthIssues, loginHeldIssues, loginPortIssues, loginUserIssues, type LoginTarget } from './ssh-login';

// Hosts: each host's own fields

function hostNameIssues(entry: IndexedHost): ConfigIssue[] {
  const { host, index } = entry;
  const path = hostPath(index, 'name');
  if (host.name === '')
    return [error('host.name-required', path, `Host ${index + 1} has no name: give it a lower-case inventory name such as node${index + 1}.`)];
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

const TASKBOX_LOGIN_WHY = 'The wizard logs in to the taskbox over SSH to run the installer there.';

/** How the host's own login is checked: the taskbox by the wizard, every other host by the installer. */
function loginTargetOf(config: InstallConfig, entry: IndexedHost): LoginTarget {
  const { host, index } = entry;
  const label = hostLabel(entry);
  const base = { login: host, label, subject: label, code: 'host', pathOf: (field: string) => hostPath(index, field) };
  if (host.taskbox) {
    return {
      ...base,
      client: 'the wizard',
      why: ` ${TASKBOX_LOGIN_WHY}`,
      sudoReason: "the installer runs as root on the taskbox, as the docs' install.sh requires",
    };
  }
  return {
    ...base,
    client: config.installer.machine.kind === 'external' ? 'the installer machine' : 'the taskbox',
    why: '',
    sudoReason: 'the installer needs sudo on every host',
  };
}

function hostIpIssues(entry: IndexedHost): ConfigIssue[] {
  const { host, index } = entry;
  const path = hostPath(index, 'ip');
  if (host.ip === '') {
    return [error('host.ip-required', path, `${hostLabel(entry)} has no internal IP: enter the IPv4 address configured on one of its interfaces.`)];
  }
  if (isIPv4(host.ip)) return [];
  return [
    error(
      'host.ip-invalid',
      path,
      `Internal IP "${host.ip}" of ${hostLabel(entry)} is not an IPv4 address (e.g. 192.168.0.4): Kubernetes and etcd bind to it.`,
    ),
  ];
}

/**
 * The installer's script appends `ansible_ssh_pass=<ansible_become_pass>` to every non-root line
 * (reference §1.4), so a non-root host logs in with its sudo password. Only decidable where both
 * values are in hand (the server, or a form where the operator typed both).
 *
 * Not for the taskbox: its line says `ansible_connection=local`, so Ansible never uses an SSH
 * password for it (the appended one is ignored) and becomes root with ansible_become_pass; the
 * password the wizard logs in to it with may differ from the sudo password.
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

function hostRoleIssues(entry: IndexedHost): ConfigIssue[] {
  const { roles } = entry.host;
  if (roles.master || roles.etcd || roles.worker) return [];
  return [error('host.no-role', hostPath(entry.index, 'roles'), `${hostLabel(entry)} has no role: make it a master, etcd member or worker, or remove it.`)];
}

export const hostFieldRules: Rule = (config) =>
  indexedHosts(config).flatMap((entry) => {
    const login = loginTargetOf(config, entry);
    return [
      ...hostNameIssues(entry),
      ...loginAddressIssues(login),
      ...hostIpIssues(entry),
      ...loginPortIssues(login),
      ...loginUserIssues(login),
      ...nonRootPasswordIssues(entry),
      ...loginAuthIssues(login),
      ...loginHeldIssues(login),
      ...hostRoleIssues(entry),
    ];
  });

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
    (host) => (host.address === '' ? undefined : `${host.address.toLowerCase()}:${host.port}`),
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

/**
 * Where the installer runs: with `installer.machine` = taskbox exactly one host is the taskbox (the
 * stages need somewhere to run); with an external machine no host is (every host is an SSH line).
 */
export const taskboxRules: Rule = (config) => {
  const taskboxes = indexedHosts(config).filter(({ host }) => host.taskbox);
  if (config.installer.machine.kind === 'external') {
    return taskboxes.map((entry) =>
      error(
        'host.taskbox-with-external-machine',
        hostPath(entry.index, 'taskbox'),
        `${hostLabel(entry)} is marked as the taskbox, but the installer is set to run on another machine (Installer settings): unmark ${hostLabel(entry)}, or run the installer on the taskbox host.`,
      ),
    );
  }
  const [first, ...extra] = taskboxes;
  if (!first) {
    return config.hosts.length === 0
      ? []
      : [
          error(
            'hosts.no-taskbox',
            'hosts',
            'No host is the taskbox: the installer runs on the taskbox, which the wizard logs in to over SSH. Mark the host that will run it (master1 in the docs), or choose another machine under Installer settings.',
          ),
        ];
  }
  return extra.map((entry) =>
    error(
      'host.taskbox-multiple',
      hostPath(entry.index, 'taskbox'),
      `Only one host can be the taskbox, and ${hostLabel(first)} already is: unmark ${hostLabel(entry)}.`,
    ),
  );
};

export const hostCountRules: Rule = (config) => {
  const count = config.hosts.length;
  if (count === 0) return [error('hosts.empty', 'hosts', 'Add the machines of the cluster: at least one host.')];
  if (count === 2) {
    return [
      warning(
        'hosts.fewer-than-three',
        'hosts',
        `A multi-node cluster needs at least 3 hosts per the KubeSphere docs: you have ${count} (${hostLabels(indexedHosts(config))}).`,
      ),
    ];
  }
  return [];
};
