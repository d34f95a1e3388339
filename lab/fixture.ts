/**
 * Vitest fixture: `const lab = useLab(3)` leases 3 lab hosts for this test file.
 *
 * beforeAll: under the lab lock, brings the lab up (growing it if needed) and leases n hosts no
 * other live test process holds. afterAll: restores every leased host (undoing faults the file
 * injected), releases the leases, and takes the lab down when the fixture started it and no
 * other file still holds a lease. A lab started with the CLI is never taken down by tests.
 * (The logic is lab/lease-hosts.ts, shared with the Playwright specs.)
 * Read `lab.state` / `lab.hosts` inside tests (they are set in beforeAll).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { acquireLabHosts, releaseLabHosts } from './lease-hosts';
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
    get state() {
      return need();
    },
    get hosts() {
      const s = need();
      return names.flatMap((nm) => s.hosts.filter((h) => h.name === nm));
    },
    host(i) {
      const h = handle.hosts[i];
      if (!h) throw new Error(`useLab(${n}): no leased host #${i}`);
      return h;
    },
    target(i, login, pin) {
      return labTarget(need(), handle.host(i), login, pin);
    },
    async refresh() {
      state = await readState(labDir());
    },
  };

  beforeAll(async () => {
    const got = await acquireLabHosts(n, token);
    names = got.names;
    state = got.state;
  });

  afterAll(async () => {
    await releaseLabHosts(names, token);
  });

  return handle;
}
