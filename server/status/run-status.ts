/**
 * The writer of run, stage and stage-host statuses (server/status: the one place any status column
 * is written; lint refuses a status write elsewhere).
 *
 * Invariants:
 * - every write is a conditional update (`updateMany` where the status is one the write expects),
 *   so of two writers only one wins, and the loser learns it from the count;
 * - the expected source states are asserted legal (states.ts `sourcesFor` → `assertTransition`) as
 *   the write is issued: a code path that would write an illegal transition throws instead;
 * - a run's stages that never started end `cancelled` with "not run" (cancelQueuedStages), whether
 *   the run ended on its own or was cancelled before it started: one place, so no row stays queued
 *   under a finished run.
 */
import { getDb } from '../db';
import { sourcesFor, sourcesOf, type RunStatus } from './run-states';

/** queued → running, with its start time; false when another writer moved it first. */
export async function claimRun(runId: string): Promise<boolean> {
  const claimed = await getDb().run.updateMany({
    where: { id: runId, status: sourcesFor('run', ['queued'], 'running') },
    data: { status: 'running', startedAt: new Date() },
  });
  return claimed.count > 0;
}

/** The stages of `runId` that never started, and their hosts: `cancelled`, "not run". */
async function cancelQueuedStages(runId: string): Promise<void> {
  const db = getDb();
  const stages = await db.stage.findMany({ where: { runId, status: 'queued' }, select: { id: true } });
  if (stages.length === 0) return;
  const ids = stages.map((s) => s.id);
  await db.stage.updateMany({
    where: { id: { in: ids }, status: sourcesFor('stage', ['queued'], 'cancelled') },
    data: { status: 'cancelled', error: 'not run', finishedAt: new Date() },
  });
  await db.stageHost.updateMany({ where: { stageId: { in: ids }, status: sourcesFor('host', ['queued'], 'cancelled') }, data: { status: 'cancelled' } });
}

/** The run's end (from whichever state may enter `status`); its stages that never started first. */
export async function finishRun(runId: string, status: RunStatus, error?: string, errorKind?: string): Promise<void> {
  await cancelQueuedStages(runId);
  await getDb().run.updateMany({
    where: { id: runId, status: sourcesFor('run', sourcesOf(status), status) },
    data: { status, finishedAt: new Date(), error: error ?? null, errorKind: errorKind ?? null },
  });
}

/** The operator's cancel of a run that has not started: queued → cancelled; false when it had started (or ended). */
export async function cancelQueuedRun(runId: string): Promise<boolean> {
  const cancelled = await getDb().run.updateMany({
    where: { id: runId, status: sourcesFor('run', ['queued'], 'cancelled') },
    data: { status: 'cancelled', finishedAt: new Date(), error: 'cancelled by the operator', errorKind: 'cancelled' },
  });
  if (cancelled.count === 0) return false;
  await cancelQueuedStages(runId);
  return true;
}

/** queued → running for a stage and its hosts; false when the stage was not queued. */
export async function claimStage(stageId: string): Promise<boolean> {
  const db = getDb();
  const claimed = await db.stage.updateMany({
    where: { id: stageId, status: sourcesFor('stage', ['queued'], 'running') },
    data: { status: 'running', startedAt: new Date() },
  });
  if (claimed.count === 0) return false;
  await db.stageHost.updateMany({ where: { stageId, status: sourcesFor('host', ['queued'], 'running') }, data: { status: 'running' } });
  return true;
}

/** One host row of a stage, at the stage's end. */
export async function finishStageHostStatus(stageHostId: string, status: RunStatus): Promise<void> {
  await getDb().stageHost.updateMany({ where: { id: stageHostId, status: sourcesFor('host', sourcesOf(status), status) }, data: { status } });
}

/** A stage's end, with its exit code and the error an operator reads. */
export async function finishStageStatus(stageId: string, status: RunStatus, end: { exitCode: number | null; error: string | null }): Promise<void> {
  await getDb().stage.updateMany({
    where: { id: stageId, status: sourcesFor('stage', sourcesOf(status), status) },
    data: { status, finishedAt: new Date(), ...end },
  });
}

/** A running stage that cannot be followed again (no context after a restart): it and its unfinished hosts are interrupted. */
export async function interruptStage(stageId: string, error: string): Promise<void> {
  const db = getDb();
  await db.stageHost.updateMany({ where: { stageId, status: sourcesFor('host', ['queued', 'running'], 'interrupted') }, data: { status: 'interrupted' } });
  await db.stage.updateMany({
    where: { id: stageId, status: sourcesFor('stage', ['running'], 'interrupted') },
    data: { status: 'interrupted', finishedAt: new Date(), error },
  });
}
