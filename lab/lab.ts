/**
 * The lab's programmatic API, used by the CLI (lab/cli.ts) and the test fixture (lab/fixture.ts).
 *
 * Invariants:
 * - Every change happens under the lab lock; state.json is the single record of what exists.
 * - `labUp` is additive and idempotent: it never removes or renumbers hosts, keeps host keys,
 *   starts hosts that are down unless a test stopped them on purpose (fault 'stopped'), and
 *   rewrites known_hosts / hosts.ini from the real keys.
 * - Before a host's sshd starts, its network namespace (lab/network.ts), private filesystem
 *   (lab/private-fs.ts) and copy of the lab bundle (lab/host-bundle.ts) are in place; all are
 *   checked or refreshed on every `labUp`.
 * - `labDown` stops every sshd and port holder it finds under the lab directory, kills whatever
 *   still runs inside the hosts' mount and network namespaces (so their private mounts go away),
 *   removes the namespaces, veths and bridge, the lab user if the lab created it, and deletes
 *   everything under the lab directory.
 * - Nothing outside the lab directory is touched except: the lab user (`KSW_LAB_USER`),
 *   `/run/sshd`, `/run/ksw-lab/<hash>`, the lab's bridge, veths and `/run/netns/ksw-<net>-labN`,
 *   a missing mount point such as `/var/lib/ks-wizard` (left in place), apt packages (installed
 *   only when missing, never removed).
 */
import { randomBytes } from 'node:crypto';
import { readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../server/ssh/map-limit';
import { readBundleSource, ensureHostBundle } from './host-bundle';
import { ensureRunning, isRunning, provisionHost } from './host-ops';
import { killHostNamespaces } from './host-processes';
import { applyBlockedPorts, applyTakenAddresses } from './net-faults';
import { assertNetworkOurs, ensureBridge, ensureHostNetwork, netnsPids, removeLabNetwork } from './network';
import { ensureKey, writeAuthorizedKeys } from './keys';
import { persist } from './persist';
import { anySshdAlive, withLabLock } from './lock';
import { hostAddress, hostName, hostPaths, labDir, labNetwork, labPaths, labUser, SSH_PORT } from './paths';
import { ensureMountPoints, prepareHostFs } from './private-fs';
import { releasePort } from './port-holder';
import { ensurePrivsepDir, ensureRoot, ensureTools } from './prereq';
import { stopSshd } from './sshd-process';
import { readState, type LabHostState, type LabState } from './state';
import { authModeOf } from './faults-model';
import { ensureLabUser, ensureSudoAsks, removeLabUser, setSudoMembership, userIds } from './user';

export type { LabState, LabHostState } from './state';
export { labFault, type FaultKind } from './faults';

export interface LabUpOptions {
  hosts: number;
  owner?: 'cli' | 'fixture';
  log?: (line: string) => void;
}
export interface LabUpResult {
  state: LabState;
  inventory: string;
  started: string[];
  reused: string[];
  message?: string;
}

const MAX_HOSTS = 244; // <prefix>11 .. <prefix>254
const PARALLEL = 16;
const secret = () => randomBytes(18).toString('base64url');

function freshState(owner: 'cli' | 'fixture', dir: string): LabState {
  const p = labPaths(dir);
  return {
    version: 1,
    dir,
    owner,
    user: labUser(),
    password: secret(),
    keyPath: p.clientKey,
    keyWithPassphrasePath: p.clientKeyWithPassphrase,
    keyPassphrase: secret(),
    knownHosts: p.knownHosts,
    inventory: p.inventory,
    createdUser: false,
    createdPrivsepDir: false,
    sudoFault: false,
    hosts: [],
  };
}

export async function labUp(opts: LabUpOptions): Promise<LabUpResult> {
  const log = opts.log ?? (() => undefined);
  if (!Number.isInteger(opts.hosts) || opts.hosts < 1 || opts.hosts > MAX_HOSTS) {
    throw new Error(`--hosts must be between 1 and ${MAX_HOSTS}, got ${opts.hosts}`);
  }
  ensureRoot();
  await ensureTools(log);
  const dir = labDir();
  return withLabLock(async () => {
    const state = (await readState(dir)) ?? freshState(opts.owner ?? 'cli', dir);
    assertSameSettings(state);
    const count = Math.max(opts.hosts, state.hosts.length);
    const net = labNetwork();
    await assertNetworkOurs(net, dir);
    if (await ensurePrivsepDir()) state.createdPrivsepDir = true;
    if (await ensureLabUser(state.user, state.password)) state.createdUser = true;
    const owner = { user: state.user, ...(await userIds(state.user)) };
    const bundle = await readBundleSource();
    await ensureMountPoints();
    if (!state.sudoFault) await ensureSudoAsks(state.user);
    await ensureKey(state.keyPath, 'ks-wizard-lab');
    await ensureKey(state.keyWithPassphrasePath, 'ks-wizard-lab-passphrase', state.keyPassphrase);
    await writeAuthorizedKeys(labPaths(dir).authorizedKeysDir, ['root', state.user], [`${state.keyPath}.pub`, `${state.keyWithPassphrasePath}.pub`]);
    await ensureBridge(net, dir);
    state.network = net;

    const started: string[] = [];
    const reused: string[] = [];
    const byIndex = new Map(state.hosts.map((h) => [h.index, h]));
    const hosts = await mapLimit(
      Array.from({ length: count }, (_, i) => i + 1),
      PARALLEL,
      async (index): Promise<LabHostState> => {
        const prev = byIndex.get(index);
        const faults = prev?.faults ?? [];
        const key = await provisionHost(index, authModeOf(faults), dir);
        await ensureHostNetwork(index, net);
        await prepareHostFs(index, dir, owner);
        await ensureHostBundle(hostPaths(index, dir).fsRoot, bundle);
        const host: LabHostState = {
          name: hostName(index),
          index,
          address: hostAddress(index),
          port: SSH_PORT,
          hostKeyAlgorithm: key.algorithm,
          hostKeyFingerprint: key.fingerprint,
          faults,
          takenPorts: prev?.takenPorts ?? [],
          blockedPorts: prev?.blockedPorts ?? [],
          takenAddresses: prev?.takenAddresses ?? [],
        };
        await applyBlockedPorts(index, host.blockedPorts ?? []);
        await applyTakenAddresses(index, host.takenAddresses ?? []);
        if (faults.includes('stopped')) return host;
        if (await isRunning(index, dir)) reused.push(host.name);
        else started.push(host.name);
        await ensureRunning(index, dir);
        return host;
      },
    );
    state.hosts = hosts;
    const inventory = await persist(state);
    const stopped = hosts.filter((h) => h.faults.includes('stopped')).map((h) => h.name);
    const notes: string[] = [];
    if (count > opts.hosts) notes.push(`the lab already has ${count} hosts; all are kept`);
    if (stopped.length) notes.push(`left stopped by a fault: ${stopped.join(', ')} (use \`lab fault restore <host>\`)`);
    return { state, inventory, started, reused, message: notes.length ? notes.join('; ') : undefined };
  }, dir);
}

/** A running lab keeps the user and addresses it was started with: changing them needs `down` first. */
function assertSameSettings(state: LabState): void {
  if (state.hosts.length > 0 && !state.network) {
    throw new Error(
      `the lab in ${state.dir} was started by an older lab without its own network (hosts on 127.x): ` +
        'take it down first (`npm run lab -- down`), then bring it up again',
    );
  }
  const first = state.hosts[0];
  const moved = first && first.address !== hostAddress(first.index) ? `addresses (${first.address}, now ${hostAddress(first.index)})` : undefined;
  const renamed = state.user !== labUser() ? `user (${state.user}, now ${labUser()})` : undefined;
  const changed = [moved, renamed].filter(Boolean).join(' and ');
  if (changed) {
    throw new Error(
      `the lab in ${state.dir} runs with other ${changed}: KSW_LAB_ADDRESS_PREFIX / KSW_LAB_USER changed; ` +
        'take it down with the old settings first, or use them',
    );
  }
}

async function hostDirs(dir: string): Promise<number[]> {
  const names = await readdir(path.join(dir, 'hosts')).catch(() => [] as string[]);
  return names.map((n) => /^lab(\d+)$/.exec(n)).flatMap((m) => (m ? [Number(m[1])] : []));
}

export interface LabDownResult {
  stopped: number;
  removedUser: boolean;
}

/** Stops and removes everything; the caller holds the lab lock. */
export async function downLocked(dir: string): Promise<LabDownResult> {
  const state = await readState(dir);
  for (const h of state?.hosts ?? []) for (const t of h.takenPorts) releasePort(t.pid);
  const indices = await hostDirs(dir);
  await mapLimit(indices, PARALLEL, (i) => stopSshd(hostPaths(i, dir)));
  await killHostNamespaces(indices.map((i) => hostPaths(i, dir).hostsFile));
  const net = state?.network ?? labNetwork();
  for (const pid of await netnsPids(net)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  await removeLabNetwork(net);
  let removedUser = false;
  if (state?.createdUser) {
    await removeLabUser(state.user);
    removedUser = true;
  } else if (state?.sudoFault) await setSudoMembership(state.user, true);
  if (state?.createdPrivsepDir && !anySshdAlive()) await rmdir('/run/sshd').catch(() => undefined);
  await rm(path.dirname(labPaths(dir).authorizedKeysDir), { recursive: true, force: true });
  const lock = labPaths(dir).lock;
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    const p = path.join(dir, entry);
    if (p !== lock) await rm(p, { recursive: true, force: true });
  }
  return { stopped: indices.length, removedUser };
}

export async function labDown(): Promise<LabDownResult> {
  ensureRoot();
  const dir = labDir();
  const r = await withLabLock(() => downLocked(dir), dir);
  await rmdir(dir).catch(() => undefined); // only when empty (another process may hold the lock again)
  return r;
}

export interface LabHostStatus {
  name: string;
  address: string;
  port: number;
  up: boolean;
  faults: string[];
  takenPorts: number[];
  blockedPorts: string[];
  takenAddresses: string[];
}
export interface LabStatus {
  up: boolean;
  dir: string;
  user?: string;
  hosts: LabHostStatus[];
}

export async function labStatus(): Promise<LabStatus> {
  const dir = labDir();
  const state = await readState(dir);
  if (!state) return { up: false, dir, hosts: [] };
  const hosts = await Promise.all(
    state.hosts.map(async (h) => ({
      name: h.name,
      address: h.address,
      port: h.port,
      up: await isRunning(h.index, dir),
      faults: [...h.faults, ...(state.sudoFault ? ['sudo-broken(global)'] : [])],
      takenPorts: h.takenPorts.map((t) => t.port),
      blockedPorts: (h.blockedPorts ?? []).map((b) => `${b.port}${b.from ? ` from ${b.from}` : ''}`),
      takenAddresses: h.takenAddresses ?? [],
    })),
  );
  return { up: hosts.some((h) => h.up), dir, user: state.user, hosts };
}
