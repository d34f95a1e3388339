/**
 * The lab's state file (`state.json`, mode 0600: it holds the lab user's password).
 *
 * Invariants: hosts are sorted by index; `hosts[i].name === "lab" + index`; the file is written
 * atomically (temp file + rename) and only while the lab lock is held.
 */
import { readFile } from 'node:fs/promises';
import { writeLabFile } from './write-file';
import { labPaths, type LabNetwork } from './paths';

export type HostFault = 'stopped' | 'password-off' | 'kbd-only' | 'rekeyed';

export interface TakenPort {
  port: number;
  pid: number;
}

/** A `block-port` fault: the host's firewall drops `port` (TCP; 'vrrp' = IP protocol 112) from `from` (a lab host name), or from everyone. */
export interface BlockedPort {
  port: number | 'vrrp';
  from?: string;
}

export interface LabHostState {
  name: string;
  index: number;
  address: string;
  port: number;
  hostKeyAlgorithm: string;
  /** SHA256:base64 (no padding), as `ssh-keygen -lf` prints it. */
  hostKeyFingerprint: string;
  faults: HostFault[];
  takenPorts: TakenPort[];
  /** Absent in states written before the fault existed. */
  blockedPorts?: BlockedPort[];
  /** `take-ip` faults: extra addresses on the host's eth0 (absent in older states). */
  takenAddresses?: string[];
}

export interface LabState {
  version: 1;
  dir: string;
  owner: 'cli' | 'fixture';
  user: string;
  password: string;
  /** Private key (no passphrase) accepted for root and the lab user. */
  keyPath: string;
  /** A second private key protected by `keyPassphrase`, accepted for root and the lab user. */
  keyWithPassphrasePath: string;
  keyPassphrase: string;
  knownHosts: string;
  inventory: string;
  createdUser: boolean;
  createdPrivsepDir: boolean;
  sudoFault: boolean;
  /** The network `up` made (absent: a lab from before the hosts had network namespaces). */
  network?: LabNetwork;
  hosts: LabHostState[];
}

export async function readState(dir?: string): Promise<LabState | undefined> {
  try {
    return JSON.parse(await readFile(labPaths(dir).state, 'utf8')) as LabState;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export async function writeState(state: LabState): Promise<void> {
  const p = labPaths(state.dir).state;
  state.hosts.sort((a, b) => a.index - b.index);
  await writeLabFile(p, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
}
