/**
 * The writer of PreflightRun.status (server/status). A check run is created `running` and ends once: every end
 * is a conditional update from `running`, so a run closed as stale (a newer start, or the boot
 * reconcile) is never reopened or re-ended by its old process finishing late.
 */
import type { Prisma } from '@prisma/client';
import { getDb } from '../db';
import type { PreflightStatus } from '@/lib/states';

export type PreflightEnd = Exclude<PreflightStatus, 'running'>;

/** Ends a running check run; false when it had already ended. */
export async function endPreflightRun(runId: string, status: PreflightEnd, db: Prisma.TransactionClient = getDb()): Promise<boolean> {
  const r = await db.preflightRun.updateMany({ where: { id: runId, status: 'running' }, data: { status, finishedAt: new Date() } });
  return r.count === 1;
}

/** At boot: runs left `running` by a previous process can never finish; they failed. */
export async function failOrphanedPreflightRuns(): Promise<number> {
  const r = await getDb().preflightRun.updateMany({ where: { status: 'running' }, data: { status: 'failed', finishedAt: new Date() } });
  return r.count;
}
