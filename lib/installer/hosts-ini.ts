/**
 * conf/hosts.ini for the KubeSphere 2.0.2 installer (reference §1).
 *
 * Invariants:
 * - Only a validated config is rendered; every user string still goes through `iniToken`, which
 *   throws rather than write a value that could add a host, a group or a variable.
 * - Field order on a host line is fixed: name, `ansible_connection=local` (taskbox) or
 *   `ansible_host`, `ip`, then for a non-root user `ansible_user` and `ansible_become_pass` (the
 *   installer's script copies field 5 into `ansible_ssh_pass`, §1.4), then `ansible_ssh_pass`
 *   (root with password auth only), then `ansible_port` (only when not 22), then
 *   `ansible_ssh_private_key_file` (key auth).
 *   A non-root line never carries `ansible_ssh_pass`: the installer's script appends
 *   `ansible_ssh_pass=<field 5>` to it, so a different SSH password would be overridden anyway
 *   (the rules refuse one), and the file looks the same whether or not secret values are in hand.
 * - The taskbox connects locally: it never gets an address, port or SSH credentials in the file,
 *   exactly as the docs show, although the wizard logs in to it over SSH to run the installer
 *   there. With an installer machine outside the cluster no host is the taskbox, so every line is
 *   an SSH line.
 * - Columns are padded to the widest entry plus two spaces; no trailing whitespace; the output is a
 *   pure function of (config, opts).
 */
import type { Host } from '../config/schema';
import type { ValidInstallConfig } from '../config/validate';
import { isRfc1123Hostname } from '../config/net';
import { InstallerRenderError } from './errors';
import { iniToken } from './ini-token';
import { MASK, secretText, type SecretMode } from './placeholders';

export interface HostsIniOptions {
  secrets: SecretMode;
  /** Path of the private key file for a key-auth host; default `~/.ssh/ks-wizard/<name>`. */
  keyFileFor?: (host: Host) => string;
}

export const HOSTS_INI_HEADER = [
  '# KubeSphere 2.0.2 inventory (conf/hosts.ini), written by ks-wizard.',
  '# [all]: one line per host, never wrapped: name, ansible_connection=local (the taskbox) or',
  '# ansible_host=<ssh address>, ip=<internal ip>, then ansible_user + ansible_become_pass (non-root)',
  '# or ansible_ssh_pass (root), ansible_port (when not 22), ansible_ssh_private_key_file (key login).',
  `# ${MASK} marks a password the wizard keeps to itself.`,
];

export const defaultKeyFile = (host: Host): string => `~/.ssh/ks-wizard/${host.name}`;

type Field = [key: string, token: string];

function secretToken(secret: Host['becomePassword'], opts: HostsIniOptions, where: string): string {
  return iniToken(secretText(secret, opts.secrets, MASK, where), where);
}

export function hostFields(host: Host, opts: HostsIniOptions): Field[] {
  const who = `host ${host.name}`;
  if (!isRfc1123Hostname(host.name)) throw new InstallerRenderError(`${who}: the name is not a lower-case RFC-1123 host name`);
  const fields: Field[] = [];
  fields.push(host.taskbox ? ['ansible_connection', 'local'] : ['ansible_host', iniToken(host.address, `SSH address of ${host.name}`)]);
  fields.push(['ip', iniToken(host.ip, `internal IP of ${host.name}`)]);
  const root = host.user === 'root';
  if (!root) {
    fields.push(['ansible_user', iniToken(host.user, `SSH user of ${host.name}`)]);
    fields.push(['ansible_become_pass', secretToken(host.becomePassword, opts, `sudo password of ${host.name}`)]);
  }
  if (!host.taskbox && host.auth.kind === 'password' && root) {
    fields.push(['ansible_ssh_pass', secretToken(host.auth.password, opts, `SSH password of ${host.name}`)]);
  }
  if (!host.taskbox && host.port !== 22) {
    if (!Number.isInteger(host.port)) throw new InstallerRenderError(`${who}: SSH port is not an integer`);
    fields.push(['ansible_port', String(host.port)]);
  }
  if (!host.taskbox && host.auth.kind === 'key') {
    const path = (opts.keyFileFor ?? defaultKeyFile)(host);
    fields.push(['ansible_ssh_private_key_file', iniToken(path, `key file of ${host.name}`)]);
  }
  return fields;
}

/** Cells padded to the widest cell of their column plus two spaces; the last cell is not padded. */
function alignColumns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (i < row.length - 1) widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd((widths[i] ?? 0) + 2) : cell)).join(''));
}

function group(title: string, names: string[]): string[] {
  return ['', `[${title}]`, ...names];
}

export function renderHostsIni(config: ValidInstallConfig, opts: HostsIniOptions): string {
  const rows = config.hosts.map((host) => [host.name, ...hostFields(host, opts).map(([k, v]) => `${k}=${v}`)]);
  const names = (role: keyof Host['roles']) => config.hosts.filter((h) => h.roles[role]).map((h) => h.name);
  const lines = [
    ...HOSTS_INI_HEADER,
    '',
    '[all]',
    ...alignColumns(rows),
    ...group('kube-master', names('master')),
    ...group('kube-node', names('worker')),
    ...group('etcd', names('etcd')),
    ...group('k8s-cluster:children', ['kube-node', 'kube-master']),
  ];
  return `${lines.join('\n')}\n`;
}
