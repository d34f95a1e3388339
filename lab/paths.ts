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
 * - `KSW_LAB_ADDRESS_PREFIX`  names the lab's /24 network (default `127.0.0.`): three octets and a
 *                             trailing dot. A loopback value `127.A.B.` (the lab's old meaning, kept
 *                             so existing settings work) stands for `10.(200+A).B.`; any other value
 *                             is the network itself. labN is network + (10 + N), the lab's bridge
 *                             in this machine's namespace network + 1 (`labNetwork`).
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

/** Loopback settings `127.A.B.` map to `10.(LOOPBACK_MAP_BASE + A).B.`: A may be 0..55. */
const LOOPBACK_MAP_BASE = 200;

/**
 * The first three octets (with a trailing dot) of the lab's /24 network, from
 * `KSW_LAB_ADDRESS_PREFIX`: `127.0.2.` → `10.200.2.`, `10.77.3.` → `10.77.3.`.
 */
export function labAddressPrefix(): string {
  const prefix = process.env.KSW_LAB_ADDRESS_PREFIX || DEFAULT_ADDRESS_PREFIX;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.$/.exec(prefix)?.slice(1).map(Number);
  if (!octets || octets.some((o) => o > 255)) {
    throw new Error(`KSW_LAB_ADDRESS_PREFIX must be three octets and a dot, like 127.0.2. or 10.77.3. (got "${prefix}")`);
  }
  const [a, b, c] = octets as [number, number, number];
  if (a !== 127) {
    if (a === 0 || a >= 224) throw new Error(`KSW_LAB_ADDRESS_PREFIX must name a unicast network, like 10.77.3. (got "${prefix}")`);
    return prefix;
  }
  if (b > 255 - LOOPBACK_MAP_BASE) {
    throw new Error(`KSW_LAB_ADDRESS_PREFIX 127.A.B. needs A ≤ ${255 - LOOPBACK_MAP_BASE} (it stands for 10.(${LOOPBACK_MAP_BASE}+A).B.); got "${prefix}"`);
  }
  return `10.${LOOPBACK_MAP_BASE + b}.${c}.`;
}

export interface LabNetwork {
  /** `10.200.0.0/24` */
  cidr: string;
  prefixLength: 24;
  /** The bridge's address in this machine's namespace (`<network>.1`): the hosts' gateway. */
  gateway: string;
  /** The bridge interface (≤ 15 characters, derived from the network so two labs differ). */
  bridge: string;
  /** Prefix of the names of the hosts' network namespaces (`ksw-0ac800-`: + `lab3`). */
  netnsPrefix: string;
  /** Prefix of the machine-side veth ends (`k0ac800h`: + index, ≤ 15 characters). */
  vethPrefix: string;
}

export function labNetwork(): LabNetwork {
  const prefix = labAddressPrefix();
  const tag = prefix
    .split('.')
    .slice(0, 3)
    .map((o) => Number(o).toString(16).padStart(2, '0'))
    .join('');
  return {
    cidr: `${prefix}0/24`,
    prefixLength: 24,
    gateway: `${prefix}1`,
    bridge: `k${tag}br`,
    netnsPrefix: `ksw-${tag}-`,
    vethPrefix: `k${tag}h`,
  };
}

/** Lab network addresses no host uses (`<network>.2` .. `.9`), e.g. for a test's virtual IP. */
export function labSpareAddress(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new Error(`labSpareAddress(${n}): 1..8`);
  return `${labAddressPrefix()}${1 + n}`;
}

export function hostNetns(index: number): string {
  return `${labNetwork().netnsPrefix}${hostName(index)}`;
}

export function hostVeth(index: number): string {
  return `${labNetwork().vethPrefix}${index}`;
}

/** The interface inside each host's namespace that holds its address. */
export const HOST_INTERFACE = 'eth0';

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
