/**
 * Where the lab keeps its files, which addresses its hosts use and which user it logs in as.
 *
 * Invariants: everything the lab creates lives under one directory (`$KSW_LAB_DIR` or
 * `<repo>/.lab`), except the lab user, `/run/sshd`, `/run/ksw-lab` and the sshd processes, which
 * `state.json` records so `down` can undo them. Paths must not contain whitespace: they are written
 * into sshd_config lines.
 *
 * The environment is read here and nowhere else in lab/:
 * - `KSW_LAB_DIR`             the lab directory (default `<repo>/.lab`)
 * - `KSW_LAB_ADDRESS_PREFIX`  the first three octets with a trailing dot (default `127.0.0.`);
 *                             labN listens on prefix + (10 + N)
 * - `KSW_LAB_USER`            the lab's non-root user (default `kswlab`)
 * Two labs on one machine (two checkouts) need different prefixes and users: the user and its
 * password are machine-wide.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

export const BASE_OCTET = 10; // labN listens on <prefix>(10 + N)
export const SSH_PORT = 22;
const DEFAULT_ADDRESS_PREFIX = '127.0.0.';
const DEFAULT_USER = 'kswlab';

export const repoRoot = path.resolve(import.meta.dirname, '..');
/** Upstream material (the pinned Ansible tarball) beside the checkout; may be absent. */
export const sharedUpstreamDir = path.resolve(repoRoot, '../shared/upstream');

/** `KSW_LAB_ADDRESS_PREFIX`: three octets and a trailing dot, e.g. `127.0.2.`. */
export function labAddressPrefix(): string {
  const prefix = process.env.KSW_LAB_ADDRESS_PREFIX || DEFAULT_ADDRESS_PREFIX;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.$/.exec(prefix)?.slice(1).map(Number);
  if (!octets || octets.some((o) => o > 255)) {
    throw new Error(`KSW_LAB_ADDRESS_PREFIX must be three octets and a dot, like 127.0.2. (got "${prefix}")`);
  }
  return prefix;
}

/** `KSW_LAB_USER`: the lab's non-root login (a plain Debian user name). */
export function labUser(): string {
  const user = process.env.KSW_LAB_USER || DEFAULT_USER;
  if (!/^[a-z_][a-z0-9_-]{0,30}$/.test(user) || user === 'root') {
    throw new Error(`KSW_LAB_USER must be a lower-case user name other than root, like kswlab2 (got "${user}")`);
  }
  return user;
}

export function labDir(): string {
  const dir = process.env.KSW_LAB_DIR ? path.resolve(process.env.KSW_LAB_DIR) : path.join(repoRoot, '.lab');
  if (/\s/.test(dir)) throw new Error(`the lab directory must not contain whitespace: ${dir}`);
  return dir;
}

export interface LabPaths {
  dir: string;
  state: string;
  lock: string;
  knownHosts: string;
  inventory: string;
  clientKey: string;
  clientKeyWithPassphrase: string;
  authorizedKeysDir: string;
  leasesDir: string;
}

/** Root-owned, world-traversable home of the files the lab's users must read themselves. */
export const LAB_RUN_ROOT = '/run/ksw-lab';

export function labPaths(dir = labDir()): LabPaths {
  return {
    dir,
    state: path.join(dir, 'state.json'),
    lock: path.join(dir, 'lock'),
    knownHosts: path.join(dir, 'known_hosts'),
    inventory: path.join(dir, 'hosts.ini'),
    clientKey: path.join(dir, 'client', 'id_ed25519'),
    clientKeyWithPassphrase: path.join(dir, 'client', 'id_ed25519_pass'),
    // Not inside the lab dir: sshd reads authorized_keys with the *user's* rights, and the lab user
    // cannot traverse a checkout under a 0700 parent (e.g. a `mktemp -d` clone): key login failed.
    authorizedKeysDir: path.join(LAB_RUN_ROOT, createHash('sha256').update(dir).digest('hex').slice(0, 16), 'authorized_keys'),
    leasesDir: path.join(dir, 'leases'),
  };
}

export interface HostPaths {
  dir: string;
  config: string;
  hostKey: string;
  originalHostKey: string;
  pidFile: string;
  log: string;
  hostsFile: string;
  /** Backing directories of the host's private filesystem: `<fsRoot>/tmp` is its /tmp. */
  fsRoot: string;
}

export function hostName(index: number): string {
  return `lab${index}`;
}

export function hostAddress(index: number): string {
  const octet = BASE_OCTET + index;
  if (index < 1 || octet > 254) throw new Error(`lab host index ${index} out of range (1..${254 - BASE_OCTET})`);
  return `${labAddressPrefix()}${octet}`;
}

export function hostPaths(index: number, dir = labDir()): HostPaths {
  const d = path.join(dir, 'hosts', hostName(index));
  return {
    dir: d,
    config: path.join(d, 'sshd_config'),
    hostKey: path.join(d, 'ssh_host_ed25519_key'),
    originalHostKey: path.join(d, 'ssh_host_ed25519_key.orig'),
    pidFile: path.join(d, 'sshd.pid'),
    log: path.join(d, 'sshd.log'),
    hostsFile: path.join(d, 'hosts'),
    fsRoot: path.join(d, 'fs'),
  };
}
