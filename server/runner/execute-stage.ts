/**
 * Runs one stage of a run, from claim to final state.
 *
 * Invariants:
 * - the stage is claimed with a conditional update (queued → running); a lost claim does nothing;
 * - secret files exist only between `writeStageSecrets` and the `finally` that removes them;
 * - the pid and private dir are recorded BEFORE following, so a restart can re-attach;
 * - host states: queued → running at start; at the end failed (any failed/unreachable), else
 *   succeeded/cancelled/interrupted following the stage;
 * - Node.state follows: installing while a stage runs on it, failed when it fails there.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Stage } from '@prisma/client';
import { renderHostsIni } from '@/lib/installer/hosts-ini';
import { renderVarsYml } from '@/lib/installer/vars-yml';
import { getDb } from '../db';
import { loadEnv } from '../env';
import { followStage, type FollowResult } from './follow-stage';
import type { LogWriter } from './log-writer';
import { killStageTree, spawnStage, stopControlMasters } from './processes';
import { resolvePlaybook, type StageDef } from './profiles';
import type { RunContext } from './run-context';
import { removeStageSecrets, writeStageSecrets } from './run-files';
import { sourcesOf, type StageStatus } from './states';

export interface StageOutcome {
  status: StageStatus;
  error?: string;
}

function note(writer: LogWriter, ctx: RunContext, stage: Stage, text: string, failed = false): void {
  writer.enqueue({ runId: ctx.runId, stageId: stage.id, stage: stage.name, lines: [{ host: null, kind: 'event', failed, text: ctx.redact(text), t: Date.now() }], counts: new Map(), errors: new Map() });
}

export function writeConfigFiles(ctx: Pick<RunContext, 'profile' | 'config' | 'projectDir'>): string[] {
  const written: string[] = [];
  for (const f of ctx.profile.configFiles) {
    const content = f.content === 'hosts.ini' ? renderHostsIni(ctx.config, { secrets: 'placeholder' }) : renderVarsYml(ctx.config, { secrets: 'placeholder' });
    const target = path.join(ctx.projectDir, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content, { mode: 0o644 });
    written.push(f.path);
  }
  return written;
}

/** Why a stage that ansible-runner stopped for printing nothing failed, and what to do. */
export function idleTimeoutMessage(seconds: number): string {
  const span = seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
  return `no output for ${span} (KSW_STAGE_IDLE_TIMEOUT), so the stage was stopped: a task may be waiting for input nobody can give, or a host hangs. Read the last lines of the log for the task it was on, fix the host, then retry the stage.`;
}

/** Maps ansible-runner's outcome (plus a cancel request) to the stage state. */
export function stageStatusOf(result: Pick<FollowResult, 'status' | 'rc'>, cancelRequested: boolean): StageStatus {
  if (result.status === 'successful') return 'succeeded';
  if (result.status === 'canceled' || cancelRequested) return 'cancelled';
  if (result.status === 'failed' || result.status === 'timeout') return 'failed';
  return 'interrupted';
}

/** Sets the final host states and the stage state from the persisted counters. */
export async function finishStage(ctx: Pick<RunContext, 'installId'>, stage: Stage, status: StageStatus, extra: { exitCode?: number | null; error?: string }): Promise<void> {
  const db = getDb();
  const hosts = await db.stageHost.findMany({ where: { stageId: stage.id } });
  const failedHosts: string[] = [];
  for (const h of hosts) {
    const bad = h.failed > 0 || h.unreachable > 0;
    const touched = h.ok + h.changed + h.skipped > 0;
    const hs: StageStatus = bad ? 'failed' : status === 'succeeded' ? 'succeeded' : status === 'failed' ? (touched ? 'succeeded' : 'failed') : status;
    if (hs === 'failed') failedHosts.push(h.host);
    await db.stageHost.updateMany({ where: { id: h.id, status: { in: sourcesOf(hs) } }, data: { status: hs } });
  }
  const firstError = hosts.find((h) => h.errorJson)?.errorJson;
  const error = extra.error ?? (status === 'failed' && firstError ? (JSON.parse(firstError) as { msg: string }).msg : undefined);
  await db.stage.updateMany({
    where: { id: stage.id, status: { in: sourcesOf(status) } },
    data: { status, finishedAt: new Date(), exitCode: extra.exitCode ?? null, error: error ?? null },
  });
  if (failedHosts.length > 0) {
    await db.node.updateMany({ where: { installId: ctx.installId, name: { in: failedHosts } }, data: { state: 'failed', stateNote: `failed at stage ${stage.name}` } });
  }
}

export interface ExecuteStageOptions {
  ctx: RunContext;
  stage: Stage;
  def: StageDef | undefined;
  writer: LogWriter;
  isCancelRequested: () => boolean;
}

export async function executeStage(opts: ExecuteStageOptions): Promise<StageOutcome> {
  const { ctx, stage, writer } = opts;
  const db = getDb();
  const claimed = await db.stage.updateMany({ where: { id: stage.id, status: 'queued' }, data: { status: 'running', startedAt: new Date() } });
  if (claimed.count === 0) return { status: 'interrupted', error: 'stage was not queued' };
  await db.stageHost.updateMany({ where: { stageId: stage.id, status: 'queued' }, data: { status: 'running' } });
  const hostNames = (await db.stageHost.findMany({ where: { stageId: stage.id }, select: { host: true } })).map((h) => h.host);
  if (hostNames.length > 0) {
    await db.node.updateMany({ where: { installId: ctx.installId, name: { in: hostNames }, state: { not: 'failed' } }, data: { state: 'installing', stateNote: `stage ${stage.name}` } });
    await db.node.updateMany({ where: { installId: ctx.installId, name: { in: hostNames }, state: 'failed' }, data: { state: 'installing', stateNote: `retrying stage ${stage.name}` } });
  }

  if (opts.def?.kind === 'write-config' || stage.playbook === '') {
    try {
      const files = writeConfigFiles(ctx);
      for (const f of files) note(writer, ctx, stage, `wrote ${f}`);
      await writer.drain();
      await finishStage(ctx, stage, 'succeeded', { exitCode: 0 });
      return { status: 'succeeded' };
    } catch (err) {
      const msg = ctx.redact((err as Error).message);
      note(writer, ctx, stage, `writing the installer configuration failed: ${msg}`, true);
      await writer.drain();
      await finishStage(ctx, stage, 'failed', { error: msg });
      return { status: 'failed', error: msg };
    }
  }

  const limit = hostNames.length > 0 && hostNames.length < ctx.config.hosts.length ? hostNames : null;
  let result: FollowResult | undefined;
  let spawnError: string | undefined;
  try {
    writeStageSecrets(ctx.runDir, ctx.config, renderVarsYml(ctx.config, { secrets: 'reveal' }));
    const def: StageDef = opts.def ?? { name: stage.name, label: stage.name, kind: 'playbook', playbook: stage.playbook };
    const spawned = spawnStage({ runDir: ctx.runDir, playbook: resolvePlaybook(def, ctx.projectDir), ident: stage.id, limit });
    await db.stage.update({ where: { id: stage.id }, data: { pid: spawned.pid, privateDir: ctx.runDir } });
    note(writer, ctx, stage, `ansible-runner started (pid ${spawned.pid}) for ${stage.playbook}${limit ? ` --limit ${limit.join(',')}` : ''}`);
    if (opts.isCancelRequested()) killStageTree(spawned.pid);
    result = await followStage({ runId: ctx.runId, stageId: stage.id, stageName: stage.name, stageDef: opts.def, runDir: ctx.runDir, pid: spawned.pid, afterCounter: stage.lastEventCounter, redact: ctx.redact, writer, exited: spawned.exited });
  } catch (err) {
    spawnError = ctx.redact((err as Error).message);
  } finally {
    removeStageSecrets(ctx.runDir);
    stopControlMasters(ctx.runDir);
  }
  return concludeStage(ctx, stage, writer, result, spawnError, opts.isCancelRequested());
}

/** Final bookkeeping shared by a fresh run and a re-attached one. */
export async function concludeStage(
  ctx: Pick<RunContext, 'installId' | 'runId' | 'redact'>,
  stage: Stage,
  writer: LogWriter,
  result: FollowResult | undefined,
  spawnError: string | undefined,
  cancelRequested: boolean,
): Promise<StageOutcome> {
  if (!result) {
    const msg = spawnError ?? 'the stage process could not be followed';
    writer.enqueue({ runId: ctx.runId, stageId: stage.id, stage: stage.name, lines: [{ host: null, kind: 'event', failed: true, text: msg, t: Date.now() }], counts: new Map(), errors: new Map() });
    await writer.drain();
    await finishStage(ctx, stage, 'failed', { error: msg });
    return { status: 'failed', error: msg };
  }
  const status = stageStatusOf(result, cancelRequested);
  const error =
    status === 'interrupted'
      ? `the stage process ended without a result (last event #${result.lastCounter})`
      : status === 'cancelled'
        ? 'cancelled by the operator'
        : status === 'failed' && result.status === 'timeout'
          ? idleTimeoutMessage(loadEnv().stageIdleTimeoutS)
          : undefined;
  writer.enqueue({
    runId: ctx.runId,
    stageId: stage.id,
    stage: stage.name,
    lines: [{ host: null, kind: 'event', failed: status !== 'succeeded', text: `stage ${stage.name} ${status}${result.rc !== null ? ` (rc ${result.rc})` : ''}`, t: Date.now() }],
    counts: new Map(),
    errors: new Map(),
  });
  await writer.drain();
  await finishStage(ctx, stage, status, { exitCode: result.rc, error });
  return { status, error };
}
