/**
 * Boot-time reconciliation: nothing stays "running" forever.
 *
 * Invariants: every queued/running run is handed to the Runner, which re-attaches a live stage
 * process (same pid, cmdline naming ansible-runner + the run dir + the stage ident) and catches up
 * from its artifacts after Stage.lastEventCounter, or finishes a dead stage from its `status`/`rc`
 * files (interrupted when there are none). Secret files left by a crash are removed for every run
 * that is no longer active.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadEnv } from '../env';
import { getDb } from '../db';
import { removeStageSecrets } from './run-files';
import { getRunner } from './runner';
import { isTerminal } from './states';

export async function reconcileRuns(): Promise<{ resumed: string[]; cleaned: number }> {
  const db = getDb();
  const active = await db.run.findMany({ where: { status: { in: ['queued', 'running'] } }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  const runner = getRunner();
  for (const r of active) void runner.drive(r.id);
  let cleaned = 0;
  const runsDir = path.join(loadEnv().dataDir, 'runs');
  if (fs.existsSync(runsDir)) {
    const ids = fs.readdirSync(runsDir);
    const rows = await db.run.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    for (const row of rows) {
      if (isTerminal(row.status)) {
        removeStageSecrets(path.join(runsDir, row.id));
        cleaned += 1;
      }
    }
  }
  return { resumed: active.map((r) => r.id), cleaned };
}
