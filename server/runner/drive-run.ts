/**
 * Drives one run: its stages in position order, each executed fresh or re-attached, then the run's
 * final state.
 *
 * Invariants:
 * - a run is claimed queued → running by a conditional update; a run already `running` is only
 *   driven by reconcile (re-attach) — the Runner guarantees one drive per run per process;
 * - stages already succeeded are skipped, a `running` stage is re-attached (followed from its
 *   artifacts after Stage.lastEventCounter), a `queued` one executed;
 * - the first stage that does not succeed ends the run with that state; later stages become
 *   `cancelled` ("not run") so no row stays queued under a finished run;
 * - secrets are removed after every stage, including re-attached and dead ones;
 * - when the run ends, Install.status is set from its chain (install-chain.ts), not from this run;
 *   when that completes the chain, the cluster's kubeconfig is read from the first master and
 *   stored sealed (server/kubeconfig/keep-kubeconfig.ts).
 */
import type { Stage } from '@prisma/client';
import { getDb } from '../db';
import { describeStorageError } from '../storage-errors';
import { concludeStage, executeStage, followOptions, removeStageDir, type StageOutcome } from './execute-stage';
import { followStage } from './follow-stage';
import { keepKubeconfig } from '../kubeconfig/keep-kubeconfig';
import { settleInstallStatus } from './install-chain';
import type { LogWriter } from './log-writer';
import { stagesOfRun } from './operation-flows';
import { loadRunContext, type RunContext } from './run-context';
import { settleOperation } from '../operations/settle-operation';
import { isRunStatus, type RunStatus } from '../status/run-states';
import { claimRun, finishRun, interruptStage } from '../status/run-status';
import { setInstallStatus } from '../status/install-status';
import { stagePaths } from './taskbox/layout';

export interface DriveHooks {
  writer: LogWriter;
  isCancelRequested: (runId: string) => boolean;
  onChange: (runId: string) => void;
}

/** A stage left `running` by an earlier wizard process: follow it on the taskbox from its last stored event. */
async function reattachStage(ctx: RunContext, stage: Stage, hooks: DriveHooks): Promise<StageOutcome> {
  const paths = stagePaths(stage.id);
  const def = stagesOfRun(ctx.profile.stages, ctx.operation).find((s) => s.name === stage.name);
  try {
    const result = await followStage(followOptions(ctx, stage, def, paths, hooks.writer, () => hooks.isCancelRequested(ctx.runId)));
    return await concludeStage(ctx, stage, hooks.writer, result, undefined, hooks.isCancelRequested(ctx.runId));
  } catch (err) {
    return await concludeStage(
      ctx,
      stage,
      hooks.writer,
      undefined,
      `the stage could not be followed on the taskbox again: ${ctx.redact((err as Error).message)}`,
      hooks.isCancelRequested(ctx.runId),
    );
  } finally {
    await removeStageDir(ctx, paths, hooks.writer, stage);
  }
}

export async function driveRun(runId: string, hooks: DriveHooks): Promise<RunStatus> {
  const db = getDb();
  const run = await db.run.findUnique({ where: { id: runId } });
  if (!run) return 'interrupted';
  if (run.status === 'queued') {
    if (!(await claimRun(runId))) return 'interrupted';
    // a day-2 operation leaves the install's status alone (the cluster stays installed meanwhile)
    if (run.operation === 'install') await setInstallStatus(run.installId, 'installing');
  } else if (run.status !== 'running') {
    return isRunStatus(run.status) ? run.status : 'interrupted';
  }
  hooks.onChange(runId);

  let ctx: RunContext;
  try {
    ctx = await loadRunContext(runId);
  } catch (err) {
    const msg = describeStorageError(err) ?? (err as Error).message.split('\n')[0] ?? 'cannot prepare the run';
    // a stage left running by a crash must still be finished from its artifacts
    await finishOrphanStages(runId, hooks);
    const first = await db.stage.findFirst({ where: { runId }, orderBy: { position: 'asc' } });
    if (first) {
      hooks.writer.enqueue({
        runId,
        stageId: first.id,
        stage: first.name,
        lines: [{ host: null, kind: 'event', failed: true, text: `cannot prepare the run: ${msg}`, t: Date.now() }],
        counts: new Map(),
        errors: new Map(),
      });
      await hooks.writer.drain();
    }
    await finishRun(runId, 'failed', `cannot prepare the run: ${msg}`, 'prepare');
    await settleInstallStatus(run.installId);
    hooks.onChange(runId);
    return 'failed';
  }

  const stages = await db.stage.findMany({ where: { runId }, orderBy: { position: 'asc' } });
  let final: RunStatus = 'succeeded';
  let error: string | undefined;
  for (const stage of stages) {
    if (stage.status === 'succeeded') continue;
    if (stage.status !== 'queued' && stage.status !== 'running') {
      final = isRunStatus(stage.status) ? stage.status : 'interrupted';
      error = stage.error ?? `stage ${stage.name} ${stage.status}`;
      break;
    }
    if (stage.status === 'queued' && hooks.isCancelRequested(runId)) {
      final = 'cancelled';
      error = 'cancelled by the operator';
      break;
    }
    const def = stagesOfRun(ctx.profile.stages, ctx.operation).find((s) => s.name === stage.name);
    const outcome =
      stage.status === 'running'
        ? await reattachStage(ctx, stage, hooks)
        : await executeStage({ ctx, stage, def, writer: hooks.writer, isCancelRequested: () => hooks.isCancelRequested(runId) });
    hooks.onChange(runId);
    if (outcome.status !== 'succeeded') {
      final = outcome.status;
      error = `stage ${stage.name} ${outcome.status}${outcome.error ? `: ${outcome.error}` : ''}`;
      break;
    }
  }
  await finishRun(runId, final, error, final === 'succeeded' ? undefined : final);
  // Install.status is the state of the install's chain, never this run's alone: a successful retry
  // of one stage leaves the install incomplete until every stage succeeded on every host. A day-2
  // operation settles the config and the nodes by its own outcome.
  if (ctx.operation === 'install') {
    const settled = await settleInstallStatus(ctx.installId);
    const last = stages[stages.length - 1];
    if (final === 'succeeded' && settled?.complete && last) {
      await keepKubeconfig({ runId, installId: ctx.installId, stage: last }, hooks.writer, ctx.redact);
    }
  } else await settleOperation(ctx, final);
  hooks.writer.forget(runId);
  hooks.onChange(runId);
  return final;
}

/**
 * Without a context (install gone, secrets unreadable) the taskbox cannot be reached and events
 * cannot be redacted, so they are NOT read: the stage is marked interrupted, saying where its
 * process and files may still be.
 */
async function finishOrphanStages(runId: string, hooks: DriveHooks): Promise<void> {
  const db = getDb();
  const running = await db.stage.findMany({ where: { runId, status: 'running' } });
  for (const stage of running) {
    const dir = stagePaths(stage.id).dir;
    await interruptStage(
      stage.id,
      `the run could not be prepared again after a restart; on the taskbox, stop the stage's processes (pid ${stage.pid ?? '?'}) and remove ${dir}`,
    );
  }
  hooks.onChange(runId);
}
