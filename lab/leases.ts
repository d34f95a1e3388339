/**
 * Host leases: a test file that uses the lab leases hosts exclusively (`<lab>/leases/labN`, holding
 * the owner's pid and a token), so faults injected by one file never hit another file's hosts.
 * A lease whose pid is dead is free. Called with the lab lock held.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pidAlive } from './lock';
import { labPaths } from './paths';

interface Lease {
  pid: number;
  token: string;
}

async function readLease(file: string): Promise<Lease | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Lease;
  } catch {
    return undefined;
  }
}

export async function liveLeases(dir: string): Promise<Map<string, Lease>> {
  const leasesDir = labPaths(dir).leasesDir;
  const out = new Map<string, Lease>();
  for (const name of await readdir(leasesDir).catch(() => [] as string[])) {
    const lease = await readLease(path.join(leasesDir, name));
    if (lease && pidAlive(lease.pid)) out.set(name, lease);
    else await rm(path.join(leasesDir, name), { force: true });
  }
  return out;
}

export async function lease(dir: string, names: string[], token: string): Promise<void> {
  const leasesDir = labPaths(dir).leasesDir;
  await mkdir(leasesDir, { recursive: true, mode: 0o755 });
  for (const n of names) await writeFile(path.join(leasesDir, n), JSON.stringify({ pid: process.pid, token }));
}

export async function release(dir: string, token: string): Promise<void> {
  const leasesDir = labPaths(dir).leasesDir;
  for (const name of await readdir(leasesDir).catch(() => [] as string[])) {
    const l = await readLease(path.join(leasesDir, name));
    if (l?.token === token) await rm(path.join(leasesDir, name), { force: true });
  }
}
