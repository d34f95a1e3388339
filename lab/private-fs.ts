/**
 * Each lab host's private filesystem. Inside a host's mount namespace (propagation private), a
 * per-host backing directory is bind-mounted over each of PRIVATE_MOUNTS, so a file one host writes
 * to /opt, /tmp, /root, ... is seen neither on the wizard's machine nor on another host.
 *
 * Invariants:
 * - The backing directory of path `/x/y` inside labN is `<lab>/hosts/labN/fs/x/y` (`hostFsPath`).
 * - Real paths a host still needs are bound back in (`realPathsKept`): /root/.pyenv read-only
 *   (Python 2.7 for the lab bundle's bootstrap), /run/sshd (sshd's privilege-separation dir) and
 *   /run/ksw-lab (the authorized keys) read-only, and — only when they lie under a private mount —
 *   the lab directory (sshd reads its config, key and log there) and the shared upstream folder
 *   read-only (the bundle's Ansible tarball is a symlink into it). Those are not private files.
 * - /etc/haproxy, /etc/keepalived and /run are private so two LB hosts never share a config or a
 *   pid file (the internal LB's daemons run without systemd here); a host's /run starts empty.
 * - Nothing here writes outside the lab directory except a missing mount point on the machine
 *   (in practice /var/lib/ks-wizard, created 0700 root and left in place).
 */
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { hostName, hostPaths, LAB_RUN_ROOT, labDir, sharedUpstreamDir } from './paths';

export interface PrivateMount {
  path: string;
  mode: number;
}

export const PRIVATE_MOUNTS: readonly PrivateMount[] = [
  { path: '/root', mode: 0o700 },
  { path: '/home', mode: 0o755 },
  { path: '/opt', mode: 0o755 },
  { path: '/tmp', mode: 0o1777 },
  { path: '/var/tmp', mode: 0o1777 },
  { path: '/var/lib/ks-wizard', mode: 0o700 },
  { path: '/etc/haproxy', mode: 0o755 },
  { path: '/etc/keepalived', mode: 0o755 },
  { path: '/run', mode: 0o755 },
];

const PYENV = '/root/.pyenv';
/** Real directories under the private /run every host needs: sshd's privsep dir and the authorized keys. */
const RUN_KEPT = ['/run/sshd', LAB_RUN_ROOT];

export interface KeptPath {
  path: string;
  readOnly: boolean;
}

const under = (p: string, top: string) => p === top || p.startsWith(`${top}/`);
const privateMountOf = (p: string) => PRIVATE_MOUNTS.find((m) => under(p, m.path));

/** Real paths bound back into every host over its private mounts (see the header). */
export function realPathsKept(dir = labDir()): KeptPath[] {
  const kept: KeptPath[] = [];
  if (existsSync(PYENV)) kept.push({ path: PYENV, readOnly: true });
  for (const p of RUN_KEPT) if (existsSync(p)) kept.push({ path: p, readOnly: true });
  if (privateMountOf(dir)) kept.push({ path: dir, readOnly: false });
  if (privateMountOf(sharedUpstreamDir) && existsSync(sharedUpstreamDir)) kept.push({ path: sharedUpstreamDir, readOnly: true });
  return kept;
}

/**
 * The start script's mount arguments, in order: `ro:<path>` / `rw:<path>` for the kept real paths,
 * then `private:<path>` for each private mount (see START_SCRIPT in sshd-process.ts).
 */
export function namespaceMountArgs(dir = labDir()): string[] {
  // The backing dirs live under the lab dir: when that is inside a private path (a checkout under
  // /tmp), that path is covered last, or every later mount would read its backing dir through the
  // host's own empty copy of it (an empty /run/ksw-lab: no authorized keys, root refused).
  const holder = privateMountOf(dir);
  const privates = holder ? [...PRIVATE_MOUNTS.filter((m) => m !== holder), holder] : PRIVATE_MOUNTS;
  return [...realPathsKept(dir).map((k) => `${k.readOnly ? 'ro' : 'rw'}:${k.path}`), ...privates.map((m) => `private:${m.path}`)];
}

function indexOf(host: number | string): number {
  if (typeof host === 'number') return host;
  const m = /^lab(\d+)$/.exec(host);
  if (!m) throw new Error(`not a lab host name: "${host}" (expected lab1, lab2, ...)`);
  return Number(m[1]);
}

/**
 * Where a path inside lab host `host` (index or name) lives on the wizard's machine. Throws for a
 * path outside the private mounts, or one that is the machine's own path bound back in.
 */
export function hostFsPath(host: number | string, absPathInsideHost: string, dir = labDir()): string {
  const index = indexOf(host);
  if (!path.posix.isAbsolute(absPathInsideHost)) throw new Error(`hostFsPath needs an absolute path, got "${absPathInsideHost}"`);
  const p = path.posix.normalize(absPathInsideHost).replace(/(.)\/$/, '$1');
  if (!privateMountOf(p)) {
    throw new Error(`${p} on ${hostName(index)} is not private to the host (private: ${PRIVATE_MOUNTS.map((m) => m.path).join(', ')})`);
  }
  const kept = realPathsKept(dir).find((k) => under(p, k.path));
  if (kept) throw new Error(`${p} on ${hostName(index)} is the machine's own ${kept.path}, bound back in: not a private file`);
  return path.join(hostPaths(index, dir).fsRoot, p);
}

/** Creates the mount points the hosts cover when the machine lacks one (e.g. /var/lib/ks-wizard). */
export async function ensureMountPoints(): Promise<void> {
  for (const m of PRIVATE_MOUNTS) {
    if (existsSync(m.path)) continue;
    await mkdir(m.path, { recursive: true, mode: m.mode });
    await chmod(m.path, m.mode);
  }
}

export interface LabUserIds {
  user: string;
  uid: number;
  gid: number;
}

/** Creates (or repairs the modes of) one host's backing directories and the lab user's home. */
export async function prepareHostFs(index: number, dir: string, owner: LabUserIds): Promise<void> {
  const root = hostPaths(index, dir).fsRoot;
  for (const m of PRIVATE_MOUNTS) {
    const d = path.join(root, m.path);
    await mkdir(path.dirname(d), { recursive: true, mode: 0o755 });
    await mkdir(d, { recursive: true, mode: m.mode });
    await chmod(d, m.mode); // mkdir's mode is masked by the umask and spares existing dirs
  }
  const home = path.join(root, 'home', owner.user);
  await mkdir(home, { recursive: true, mode: 0o750 });
  const s = await stat(home);
  if (s.uid !== owner.uid || s.gid !== owner.gid) await chown(home, owner.uid, owner.gid);
  if ((s.mode & 0o7777) !== 0o750) await chmod(home, 0o750);
}
