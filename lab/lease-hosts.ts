/**
 * Lease n lab hosts for one test process, and give them back: the logic behind the vitest fixture
 * (lab/fixture.ts) and the Playwright specs (e2e/), which cannot import vitest.
 *
 * acquire: under the lab lock, brings the lab up (growing it if needed) and leases n hosts no other
 * live test process holds. release: restores every leased host (undoing faults the caller
 * injected, and putting its bundle's config dirs back as the source has them), releases the leases, and takes the lab down when a fixture started it and no other
 * process still holds a lease. A lab started with the CLI is never taken down by tests.
 */
import { rmdir } from 'node:fs/promises';
import { downLocked, labUp } from './lab';
import { labFault } from './faults';
import { readBundleSource, resetHostBundleConfig } from './host-bundle';
import { lease, liveLeases, release } from './leases';
import { withLabLock } from './lock';
import { hostPaths, labDir } from './paths';
import { readState, type LabState } from './state';

export interface LabLease {
  token: string;
  names: string[];
  state: LabState;
}

export async function acquireLabHosts(n: number, token: string): Promise<LabLease> {
  const dir = labDir();
  // Two processes may size the lab at the same time; whoever leases second may find too few free
  // hosts, so grow and retry (leasing itself is atomic under the lock).
  for (let attempt = 1; ; attempt++) {
    const before = await withLabLock(async () => ({ state: await readState(dir), busy: await liveLeases(dir) }), dir);
    const existing = before.state?.hosts ?? [];
    const free = existing.filter((h) => !before.busy.has(h.name) && h.faults.length === 0).length;
    await labUp({ hosts: Math.max(n, existing.length + Math.max(0, n - free)), owner: 'fixture' });
    const got = await withLabLock(async (): Promise<LabLease | undefined> => {
      const s = await readState(dir);
      const busy = await liveLeases(dir);
      const pick = (s?.hosts ?? [])
        .filter((h) => !busy.has(h.name) && h.faults.length === 0)
        .slice(0, n)
        .map((h) => h.name);
      if (!s || pick.length < n) return undefined;
      await lease(dir, pick, token);
      if (process.env.KSW_LAB_DEBUG) process.stderr.write(`lab: pid ${process.pid} leased ${pick.join(',')}\n`);
      return { token, names: pick, state: s };
    }, dir);
    if (got) return got;
    if (attempt >= 5) throw new Error(`could not lease ${n} free lab hosts`);
  }
}

/** Returns true when this release took the lab down. */
export async function releaseLabHosts(names: readonly string[], token: string): Promise<boolean> {
  const dir = labDir();
  const state = await readState(dir);
  for (const h of state?.hosts ?? []) {
    if (names.includes(h.name) && (h.faults.length || h.takenPorts.length || (h.blockedPorts ?? []).length || (h.takenAddresses ?? []).length))
      await labFault('restore', h.name);
  }
  const bundle = await readBundleSource();
  for (const h of state?.hosts ?? []) if (names.includes(h.name)) await resetHostBundleConfig(hostPaths(h.index, dir).fsRoot, bundle);
  const wentDown = await withLabLock(async () => {
    await release(dir, token);
    const s = await readState(dir);
    if (s?.owner !== 'fixture' || (await liveLeases(dir)).size > 0) return false;
    await downLocked(dir);
    return true;
  }, dir);
  if (wentDown) await rmdir(dir).catch(() => undefined);
  return wentDown;
}
