/**
 * Operations on one lab host's files and process: provision (config, hosts file, host key — an
 * existing key is kept), (re)start and wait for its banner, read its host key. Pure file/process
 * work; the caller holds the lab lock and updates state.json.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { readPublicKey, newHostKey, type PublicKeyInfo } from './keys';
import { labPaths, hostAddress, hostName, hostPaths, SSH_PORT } from './paths';
import { renderHostsFile, renderSshdConfig, type AuthMode } from './sshd-config';
import { runningPid, startSshd, stopSshd, waitForBanner } from './sshd-process';

async function exists(p: string): Promise<boolean> {
  try { await access(p); return true; } catch { return false; }
}

export async function provisionHost(index: number, authMode: AuthMode, dir: string): Promise<PublicKeyInfo> {
  const p = hostPaths(index, dir);
  const name = hostName(index);
  const address = hostAddress(index);
  await mkdir(p.dir, { recursive: true, mode: 0o755 });
  if (!(await exists(p.hostKey))) await newHostKey(p.hostKey, `${name}-host`);
  await writeFile(p.config, renderSshdConfig({
    address, port: SSH_PORT, hostKey: p.hostKey, pidFile: p.pidFile,
    authorizedKeysDir: labPaths(dir).authorizedKeysDir, authMode,
  }), { mode: 0o644 });
  await writeFile(p.hostsFile, renderHostsFile(address, name), { mode: 0o644 });
  return readPublicKey(`${p.hostKey}.pub`);
}

export async function ensureRunning(index: number, dir: string): Promise<void> {
  const p = hostPaths(index, dir);
  if ((await runningPid(p)) === undefined) await startSshd(hostName(index), p);
  await waitForBanner(hostAddress(index), SSH_PORT);
}

export async function restartHost(index: number, dir: string): Promise<void> {
  await stopSshd(hostPaths(index, dir));
  await ensureRunning(index, dir);
}

export async function isRunning(index: number, dir: string): Promise<boolean> {
  return (await runningPid(hostPaths(index, dir))) !== undefined;
}
