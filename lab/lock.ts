/**
 * A cross-process lock on the lab directory (`<lab>/lock`, created with O_EXCL, holds the pid).
 * A lock whose pid is dead is stale and taken over. Everything that changes the lab runs inside
 * `withLabLock`, so parallel test files and the CLI never race.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { labPaths } from './paths';

/** True when the process exists and is not a zombie (PID 1 here reaps slowly, so zombies linger). */
export function pidAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** True when any live (non-zombie) process named sshd exists on the machine. */
export function anySshdAlive(): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'sshd' && pidAlive(Number(entry))) return true;
    } catch { /* gone */ }
  }
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function acquire(lockPath: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fh = await open(lockPath, 'wx', 0o600);
      await fh.writeFile(String(process.pid));
      await fh.close();
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && !pidAlive(holder)) {
      await unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) throw new Error(`the lab is locked by pid ${holder} (${lockPath}); wait or remove the file if that process is gone`);
    await sleep(50);
  }
}

export async function withLabLock<T>(fn: () => Promise<T>, dir?: string, timeoutMs = 120_000): Promise<T> {
  const p = labPaths(dir);
  await mkdir(p.dir, { recursive: true, mode: 0o755 });
  await acquire(p.lock, timeoutMs);
  try {
    return await fn();
  } finally {
    await unlink(p.lock).catch(() => undefined);
  }
}
