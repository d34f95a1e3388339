/**
 * Vitest fixture: `const lab = useLab(3)` leases 3 lab hosts for this test file.
 *
 * beforeAll: under the lab lock, brings the lab up (growing it if needed) and leases n hosts no
 * other live test process holds. afterAll: restores every leased host (undoing faults the file
 * injected), releases the leases, and takes the lab down when the fixture started it and no
 * other file still holds a lease. A lab started with the CLI is never taken down by tests.
 * Read `lab.state` / `lab.hosts` inside tests (they are set in beforeAll).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { rmdir } from 'node:fs/promises';
import { downLocked, labUp } from './lab';
import { labFault } from './faults';
import { lease, liveLeases, release } from './leases';
import { withLabLock } from './lock';
import { labDir } from './paths';
import { readState, type LabHostState, type LabState } from './state';
import { labTarget, type LabLogin } from './targets';
import type { SshTarget } from '../server/ssh/types';

export interface LabHandle {
  readonly state: LabState;
  readonly hosts: LabHostState[];
  host(i: number): LabHostState;
  target(i: number, login?: LabLogin, pinHostKey?: boolean): SshTarget;
  /** Re-reads state.json (host keys change after `rekey`). */
  refresh(): Promise<void>;
}

export function useLab(n: number): LabHandle {
  const token = randomBytes(8).toString('hex');
  let state: LabState | undefined;
  let names: string[] = [];
  const need = (): LabState => {
    if (!state) throw new Error('useLab: the lab is not ready (use it inside tests, after beforeAll)');
    return state;
  };
  const handle: LabHandle = {
    get state() { return need(); },
    get hosts() { const s = need(); return names.flatMap((nm) => s.hosts.filter((h) => h.name === nm)); },
    host(i) {
      const h = handle.hosts[i];
      if (!h) throw new Error(`useLab(${n}): no leased host #${i}`);
      return h;
    },
    target(i, login, pin) { return labTarget(need(), handle.host(i), login, pin); },
    async refresh() { state = await readState(labDir()); },
  };

  beforeAll(async () => {
    const dir = labDir();
    // Two files may size the lab at the same time; whoever leases second may find too few free
    // hosts, so grow and retry (leasing itself is atomic under the lock).
    for (let attempt = 1; ; attempt++) {
      const before = await withLabLock(async () => ({ state: await readState(dir), busy: await liveLeases(dir) }), dir);
      const existing = before.state?.hosts ?? [];
      const free = existing.filter((h) => !before.busy.has(h.name) && h.faults.length === 0).length;
      await labUp({ hosts: Math.max(n, existing.length + Math.max(0, n - free)), owner: 'fixture' });
      const got = await withLabLock(async () => {
        const s = await readState(dir);
        const busy = await liveLeases(dir);
        const pick = (s?.hosts ?? []).filter((h) => !busy.has(h.name) && h.faults.length === 0).slice(0, n).map((h) => h.name);
        if (pick.length < n) return false;
        await lease(dir, pick, token);
        names = pick;
        state = s;
        if (process.env.KSW_LAB_DEBUG) process.stderr.write(`useLab: pid ${process.pid} leased ${pick.join(',')}\n`);
        return true;
      }, dir);
      if (got) return;
      if (attempt >= 5) throw new Error(`useLab(${n}): could not lease ${n} free lab hosts`);
    }
  });

  afterAll(async () => {
    const dir = labDir();
    await handle.refresh();
    for (const h of handle.hosts) if (h.faults.length || h.takenPorts.length) await labFault('restore', h.name);
    const wentDown = await withLabLock(async () => {
      await release(dir, token);
      const s = await readState(dir);
      if (s?.owner !== 'fixture' || (await liveLeases(dir)).size > 0) return false;
      await downLocked(dir);
      return true;
    }, dir);
    if (wentDown) await rmdir(dir).catch(() => undefined);
  });

  return handle;
}
