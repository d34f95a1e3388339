/**
 * Boot-time reconciliation: nothing stays "running" forever.
 *
 * Invariants: every queued/running run is handed to the Runner, which re-attaches to a running
 * stage on the taskbox (its wrapper, checked by pid and command line there) and catches up from its
 * events file after Stage.lastEventCounter, or finishes a dead stage from its `rc` file
 * (interrupted when there is none). Scratch files left on the wizard's disk by a crash (keys being
 * unlocked) are removed for every run that is no longer active. An install left "installing" with
 * no active run (a crash between a run's end and the status write, or a row older than chain
 * states) gets its status from its run chain again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadEnv } from '../env';
import { getDb } from '../db';
import { settleInstallStatus } from './install-chain';
import { removeLocalScratch } from './run-files';
import { getRunner } from './runner';
import { ACTIVE_STATUSES, isTerminal } from '../status/run-states';

export async function reconcileRuns(): Promise<{ resumed: string[]; cleaned: number }> {
  const db = getDb();
  const active = await db.run.findMany({ where: { status: { in: [...ACTIVE_STATUSES] } }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  const runner = getRunner();
  for (const r of active) void runner.drive(r.id);
  const stuck = await db.install.findMany({ where: { status: 'installing', runs: { none: { status: { in: [...ACTIVE_STATUSES] } } } }, select: { id: true } });
  for (const install of stuck) await settleInstallStatus(install.id);
  let cleaned = 0;
  const runsDir = path.join(loadEnv().dataDir, 'runs');
  if (fs.existsSync(runsDir)) {
    const ids = fs.readdirSync(runsDir);
    const rows = await db.run.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    for (const row of rows) {
      if (isTerminal(row.status)) {
        removeLocalScratch(path.join(runsDir, row.id));
        cleaned += 1;
      }
    }
  }
  return { resumed: active.map((r) => r.id), cleaned };
}
