/**
 * hosts.ini → `config.hosts` (and the role flags), on top of a starting config.
 *
 * Invariants:
 * - Understands exactly the variables the renderer writes (plus Ansible's aliases
 *   ansible_password / ansible_become_password / ansible_ssh_port); others are reported and ignored.
 * - A password that is a placeholder (`********`, the docs' `PASSWORD`) is not a password: the
 *   secret stays unset, or keeps the stored secret of the same-named host of `base`, with a warning.
 * - Key files are not in the inventory: a key-auth host gets an unset private key and a warning.
 * - A non-root line without ansible_ssh_pass gets the sudo password as SSH password, as the
 *   installer's script does (§1.4).
 * - The taskbox line (`ansible_connection=local`) holds no login, but the wizard logs in to the
 *   taskbox over SSH: it gets address = its ip, port 22 and an unset password for the operator to
 *   complete (a rule error at hosts.N.auth), unless `base` has a host of that name to take them from.
 * - `installer.machine` follows the file: a taskbox line means the installer runs on the taskbox;
 *   none means it ran on a machine outside the cluster, whose login the operator then enters.
 */
import { defaultExternalInstallerMachine, defaultHost } from '../config/defaults';
import type { Host, InstallConfig } from '../config/schema';
import { unsetSecret, type Secret } from '../config/secret';
import type { Report } from './import-problem';
import { parseHostsIni, type InventoryHost, type InventoryVar } from './parse-hosts-ini';
import { DOC_PASSWORD, MASK } from './placeholders';

const KNOWN_VARS: Record<string, string> = {
  ansible_connection: 'ansible_connection',
  ansible_host: 'ansible_host',
  ip: 'ip',
  ansible_user: 'ansible_user',
  ansible_ssh_pass: 'ansible_ssh_pass',
  ansible_password: 'ansible_ssh_pass',
  ansible_become_pass: 'ansible_become_pass',
  ansible_become_password: 'ansible_become_pass',
  ansible_port: 'ansible_port',
  ansible_ssh_port: 'ansible_port',
  ansible_ssh_private_key_file: 'ansible_ssh_private_key_file',
};

const PASSWORD_PLACEHOLDERS = new Set([MASK, DOC_PASSWORD]);

/** The host's variables under their canonical names; unknown ones reported. */
function canonicalVars(host: InventoryHost, report: Report): Map<string, InventoryVar> {
  const vars = new Map<string, InventoryVar>();
  for (const [key, v] of host.vars) {
    const canonical = KNOWN_VARS[key];
    if (canonical === undefined) {
      report(v.line, 'warning', `host ${host.name}: unknown variable ${key} is ignored`);
      continue;
    }
    vars.set(canonical, v);
  }
  return vars;
}

function secretFrom(v: InventoryVar | undefined, stored: Secret | undefined, label: string, report: Report): Secret {
  if (v === undefined) return unsetSecret();
  if (!PASSWORD_PLACEHOLDERS.has(v.value) && v.value !== '') return { set: true, value: v.value };
  if (stored?.set) {
    report(v.line, 'warning', `${label} is a placeholder in the file; the stored one is kept`);
    return stored;
  }
  report(v.line, 'warning', `${label} is a placeholder ("${v.value}"); enter it in the wizard`);
  return unsetSecret();
}

function portFrom(v: InventoryVar | undefined, name: string, report: Report): number {
  if (v === undefined) return 22;
  const port = /^\d+$/.test(v.value) ? Number(v.value) : NaN;
  if (Number.isInteger(port) && port >= 1 && port <= 65535) return port;
  report(v.line, 'error', `host ${name}: ansible_port must be a number from 1 to 65535`);
  return 22;
}

function hostFrom(inv: InventoryHost, base: Host | undefined, report: Report): Host {
  const vars = canonicalVars(inv, report);
  const get = (key: string) => vars.get(key)?.value;
  const connection = vars.get('ansible_connection');
  if (connection && connection.value !== 'local') {
    report(connection.line, 'warning', `host ${inv.name}: ansible_connection=${connection.value} is not supported; SSH is used`);
  }
  const taskbox = connection?.value === 'local';
  const ip = get('ip') ?? '';
  if (ip === '') report(inv.line, 'error', `host ${inv.name}: ip= is missing (the internal IP the cluster uses)`);
  const user = get('ansible_user') ?? 'root';
  const becomePassword = secretFrom(vars.get('ansible_become_pass'), base?.becomePassword, `sudo password of ${inv.name}`, report);
  if (user !== 'root' && !vars.has('ansible_become_pass')) {
    report(inv.line, 'warning', `host ${inv.name}: non-root user ${user} without ansible_become_pass`);
  }
  let auth: Host['auth'];
  const keyFile = vars.get('ansible_ssh_private_key_file');
  const sshPass = vars.get('ansible_ssh_pass');
  if (taskbox) {
    // hosts.ini has no login for the taskbox (it connects locally), but the wizard logs in to it
    auth = base?.auth ?? { kind: 'password', password: unsetSecret() };
    if (!base) report(inv.line, 'warning', `host ${inv.name} is the taskbox: enter the SSH login the wizard uses to run the installer there`);
  } else if (keyFile) {
    const stored = base?.auth.kind === 'key' ? base.auth : undefined;
    auth = { kind: 'key', privateKey: stored?.privateKey ?? unsetSecret(), passphrase: stored?.passphrase ?? unsetSecret() };
    if (!stored?.privateKey.set) {
      report(keyFile.line, 'warning', `host ${inv.name}: upload the private key (${keyFile.value} is on the taskbox, not in hosts.ini)`);
    }
    if (sshPass) report(sshPass.line, 'warning', `host ${inv.name}: ansible_ssh_pass is ignored because the host logs in with a key`);
  } else if (sshPass) {
    const stored = base?.auth.kind === 'password' ? base.auth.password : undefined;
    auth = { kind: 'password', password: secretFrom(sshPass, stored, `SSH password of ${inv.name}`, report) };
  } else if (user !== 'root') {
    auth = { kind: 'password', password: becomePassword };
  } else {
    report(inv.line, 'warning', `host ${inv.name}: no ansible_ssh_pass or key file; enter the SSH password or upload a key`);
    auth = { kind: 'password', password: unsetSecret() };
  }
  return defaultHost({
    name: inv.name,
    address: taskbox ? base?.address || ip : (get('ansible_host') ?? inv.name),
    ip,
    port: taskbox ? (base?.port ?? 22) : portFrom(vars.get('ansible_port'), inv.name, report),
    user,
    auth,
    becomePassword,
    taskbox,
  });
}

function importInstallerMachine(config: InstallConfig, hasTaskbox: boolean, report: Report): void {
  const current = config.installer.machine;
  if (hasTaskbox) {
    if (current.kind === 'external') config.installer.machine = { kind: 'taskbox' };
    return;
  }
  if (config.hosts.length === 0 || current.kind === 'external') return;
  config.installer.machine = defaultExternalInstallerMachine();
  report(
    1,
    'warning',
    'no host has ansible_connection=local, so the installer runs on a machine outside the cluster: enter its SSH login under Installer settings, or mark a host as the taskbox',
  );
}

/** Replaces `config.hosts` with the hosts of `text`. `base` supplies stored secrets by host name. */
export function importHostsIni(text: string, config: InstallConfig, base: InstallConfig | undefined, report: Report): void {
  const inventory = parseHostsIni(text, report);
  const baseHosts = new Map((base?.hosts ?? []).map((h) => [h.name, h]));
  const members = (group: string) => new Set(inventory.groups.get(group) ?? []);
  const masters = members('kube-master');
  const workers = members('kube-node');
  const etcd = members('etcd');
  config.hosts = inventory.hosts.map((inv) => ({
    ...hostFrom(inv, baseHosts.get(inv.name), report),
    roles: { master: masters.has(inv.name), worker: workers.has(inv.name), etcd: etcd.has(inv.name) },
  }));
  const taskboxes = config.hosts.filter((h) => h.taskbox);
  importInstallerMachine(config, taskboxes.length > 0, report);
  if (taskboxes.length > 1) {
    const second = inventory.hosts.find((h) => h.name === taskboxes[1]?.name);
    report(second?.line ?? 1, 'error', 'more than one host has ansible_connection=local');
  }
  for (const group of ['kube-master', 'kube-node', 'etcd']) {
    if (!inventory.groups.has(group)) report(1, 'error', `group [${group}] is missing`);
  }
  const children = inventory.children.get('k8s-cluster');
  if (children === undefined) {
    report(1, 'warning', '[k8s-cluster:children] is missing; the wizard writes it with kube-node and kube-master');
  } else {
    const unexpected = children.filter((c) => c !== 'kube-node' && c !== 'kube-master');
    if (unexpected.length > 0 || !children.includes('kube-node') || !children.includes('kube-master')) {
      report(1, 'warning', '[k8s-cluster:children] should list exactly kube-node and kube-master; the wizard writes those');
    }
  }
  for (const [group] of inventory.children) {
    if (group !== 'k8s-cluster') report(1, 'warning', `[${group}:children] is ignored`);
  }
}
