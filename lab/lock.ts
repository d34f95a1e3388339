/**
 * A cross-process lock on the lab directory (`<lab>/lock`, created with O_EXCL, holds the pid).
 * A lock whose pid is dead is stale and taken over. Everything that changes the lab runs inside
 * `withLabLock`, so parallel test files and the CLI never race.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
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
    } catch {
      /* gone */
    }
  }
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The lock file holds "<pid> <nonce>". A holder that died keeps its lock forever, so a waiter may
 * break it, but only the very lock it judged: between reading the holder and unlinking, that
 * holder may have released normally and exited (vitest runs each test file in its own process),
 * and a new holder taken the lock; unlinking then put two processes inside the lock, one tore the
 * lab down under the other's leased hosts. Re-reading the exact content (pid + nonce) first narrows
 * that to the lock that was really left behind.
 */
async function acquire(lockPath: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const mine = `${process.pid} ${randomBytes(8).toString('hex')}`;
  for (;;) {
    try {
      const fh = await open(lockPath, 'wx', 0o600);
      await fh.writeFile(mine);
      await fh.close();
      return mine;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // the last lessee took the lab down and removed its dir after we made it: make it again
      if (code === 'ENOENT' && Date.now() < deadline) {
        await mkdir(path.dirname(lockPath), { recursive: true, mode: 0o755 });
        continue;
      }
      if (code !== 'EEXIST') throw e;
    }
    const seen = await readFile(lockPath, 'utf8').catch(() => '');
    const holder = Number(seen.split(' ')[0]);
    if (Number.isInteger(holder) && holder > 0 && !pidAlive(holder)) {
      if ((await readFile(lockPath, 'utf8').catch(() => '')) === seen) await unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) throw new Error(`the lab is locked by pid ${holder} (${lockPath}); wait or remove the file if that process is gone`);
    await sleep(50);
  }
}

export async function withLabLock<T>(fn: () => Promise<T>, dir?: string, timeoutMs = 120_000): Promise<T> {
  const p = labPaths(dir);
  await mkdir(p.dir, { recursive: true, mode: 0o755 });
  const mine = await acquire(p.lock, timeoutMs);
  try {
    return await fn();
  } finally {
    // only our own lock: never a successor's
    if ((await readFile(p.lock, 'utf8').catch(() => '')) === mine) await unlink(p.lock).catch(() => undefined);
  }
}
