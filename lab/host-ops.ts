/**
 * Operations on one lab host's files and process: provision (config, hosts file, host key — an
 * existing key is kept), (re)start and wait for its banner, read its host key. Pure file/process
 * work; the caller holds the lab lock and updates state.json. The host's private filesystem and
 * bundle copy are prepared by lab.ts (private-fs.ts, host-bundle.ts) before the first start.
 */
import { access, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readPublicKey, newHostKey, type PublicKeyInfo } from './keys';
import { netnsPath } from './network';
import { labPaths, hostAddress, hostName, hostNetns, hostPaths, SSH_PORT, type HostPaths } from './paths';
import { namespaceMountArgs } from './private-fs';
import { renderHostsFile, renderSshdConfig, type AuthMode } from './sshd-config';
import { readBanner, runningPid, startSshd, stopSshd, waitForBanner } from './sshd-process';
import { writeLabFile } from './write-file';

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

export async function provisionHost(index: number, authMode: AuthMode, dir: string): Promise<PublicKeyInfo> {
  const p = hostPaths(index, dir);
  const name = hostName(index);
  const address = hostAddress(index);
  await mkdir(p.dir, { recursive: true, mode: 0o755 });
  if (!(await exists(p.hostKey))) await newHostKey(p.hostKey, `${name}-host`);
  await writeLabFile(
    p.config,
    renderSshdConfig({
      address,
      port: SSH_PORT,
      hostKey: p.hostKey,
      pidFile: p.pidFile,
      authorizedKeysDir: labPaths(dir).authorizedKeysDir,
      authMode,
    }),
    { mode: 0o644 },
  );
  await writeLabFile(p.hostsFile, renderHostsFile(address, name), { mode: 0o644, inPlace: true });
  return readPublicKey(`${p.hostKey}.pub`);
}

/**
 * Starts the host's sshd unless it runs, and proves that the sshd answering on its address is *this*
 * lab's: another lab (another checkout) or any other service on the same address would otherwise
 * answer the banner check, and every test would talk to a stranger's host keys.
 */
export async function ensureRunning(index: number, dir: string): Promise<void> {
  const p = hostPaths(index, dir);
  const address = hostAddress(index);
  const taken = () => addressTaken(index);
  const pid = await runningPid(p);
  // started before private filesystems, or in a network namespace since remade: start again
  if (pid !== undefined && !((await seesPrivateFs(pid, p)) && (await inHostNetns(pid, index)))) await stopSshd(p);
  if ((await runningPid(p)) === undefined) {
    if (await answersSsh(address, SSH_PORT)) throw taken();
    await startSshd(hostName(index), p, netnsPath(hostNetns(index)), namespaceMountArgs(dir));
  }
  await waitForBanner(address, SSH_PORT);
  if ((await waitForOwnPid(p)) === undefined) {
    const log = (await readFile(p.log, 'utf8').catch(() => '')).trim().split('\n').slice(-2).join(' | ');
    throw new Error(`${taken().message}: ${log}`);
  }
}

/** True when the process's /tmp is the host's backing dir (it runs inside the private mounts). */
async function seesPrivateFs(pid: number, p: HostPaths): Promise<boolean> {
  const [inside, backing] = await Promise.all([stat(`/proc/${pid}/root/tmp`), stat(path.join(p.fsRoot, 'tmp'))].map((s) => s.catch(() => undefined)));
  return inside !== undefined && backing !== undefined && inside.dev === backing.dev && inside.ino === backing.ino;
}

/** True when the process runs in the host's current network namespace (`/run/netns/…`). */
async function inHostNetns(pid: number, index: number): Promise<boolean> {
  const [inside, file] = await Promise.all([stat(`/proc/${pid}/ns/net`), stat(netnsPath(hostNetns(index)))].map((s) => s.catch(() => undefined)));
  return inside !== undefined && file !== undefined && inside.ino === file.ino && inside.dev === file.dev;
}

function addressTaken(index: number): Error {
  const address = hostAddress(index);
  return new Error(
    `${hostName(index)}: ${address}:${SSH_PORT} is already served by another process (another lab in another checkout? ` +
      `run \`npm run lab -- down\` there, or find it with \`ss -ltnp 'sport = :${SSH_PORT}'\`)`,
  );
}

async function answersSsh(address: string, port: number): Promise<boolean> {
  return readBanner(address, port, 1000).then(
    () => true,
    () => false,
  );
}

/** sshd writes its pid file right after it binds; allow it a moment. */
async function waitForOwnPid(p: HostPaths, timeoutMs = 1000): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pid = await runningPid(p);
    if (pid !== undefined || Date.now() > deadline) return pid;
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function restartHost(index: number, dir: string): Promise<void> {
  await stopSshd(hostPaths(index, dir));
  await ensureRunning(index, dir);
}

export async function isRunning(index: number, dir: string): Promise<boolean> {
  return (await runningPid(hostPaths(index, dir))) !== undefined;
}
