/**
 * Runs one stage of a run on the taskbox, from claim to final state.
 *
 * Invariants:
 * - the stage is claimed with a conditional update (queued → running); a lost claim does nothing;
 * - the stage's files (its secrets among them) go to its own dir on the taskbox
 *   (taskbox/layout.ts); the wrapper removes the secrets when the stage ends, and the wizard removes
 *   the whole dir after every event was persisted, whatever the outcome;
 * - the pid and the stage dir are recorded BEFORE following, so a restart can re-attach;
 * - host states: queued → running at start; at the end failed (any failed/unreachable), else
 *   succeeded/cancelled/interrupted following the stage;
 * - Node.state follows: installing while a stage runs on it, failed when it fails there.
 */
import type { Stage } from '@prisma/client';
import { renderHostsIni } from '@/lib/installer/hosts-ini';
import { getDb } from '../db';
import { loadEnv } from '../env';
import { setNodeState } from '../status/node-state';
import { followStage, type FollowResult } from './follow-stage';
import type { LogWriter } from './log-writer';
import type { StageDef } from '../installer-profiles/profiles';
import type { RunContext } from './run-context';
import { builtinPlaybookFiles } from './builtin-playbooks';
import { unlockedHostKeys } from './run-files';
import type { StageStatus } from '../status/run-states';
import { claimStage, finishStageHostStatus, finishStageStatus } from '../status/run-status';
import { stagePaths, type StagePaths } from './taskbox/layout';
import { cleanupRemoteStage, startRemoteStage } from './taskbox/remote-stage';
import { writeRemoteFiles, type RemoteFile } from './taskbox/remote-files';
import { internalLbOf, internalLbStageFiles } from './taskbox/internal-lb-files';
import { scriptEnvOf, stageVarsOf } from './operation-flows';
import { renderPlaybookScript, renderPrepareScript, type StageScriptInput } from './taskbox/stage-script';
import { stageFiles } from './taskbox/stage-files';
import { supportFiles } from './taskbox/support-files';
import { writeConfigOnTaskbox } from './taskbox/write-config';
import { decodeHostError } from './run-columns';

export interface StageOutcome {
  status: StageStatus;
  error?: string;
}

function note(writer: LogWriter, ctx: RunContext, stage: Stage, text: string, failed = false): void {
  writer.enqueue({
    runId: ctx.runId,
    stageId: stage.id,
    stage: stage.name,
    lines: [{ host: null, kind: 'event', failed, text: ctx.redact(text), t: Date.now() }],
    counts: new Map(),
    errors: new Map(),
  });
}

/** Why a stage that was stopped for writing no event failed, and what to do. */
export function idleTimeoutMessage(seconds: number): string {
  const span = seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
  return `no output for ${span} (KSW_STAGE_IDLE_TIMEOUT), so the stage was stopped: a task may be waiting for input nobody can give, or a host hangs. Read the last lines of the log for the task it was on, fix the host, then retry the stage.`;
}

/** Maps the stage's outcome on the taskbox (plus a cancel request) to the stage state. */
export function stageStatusOf(result: Pick<FollowResult, 'status' | 'rc'>, cancelRequested: boolean): StageStatus {
  if (result.status === 'successful') return 'succeeded';
  if (result.status === 'canceled' || cancelRequested) return 'cancelled';
  if (result.status === 'failed' || result.status === 'timeout') return 'failed';
  return 'interrupted';
}

/** Sets the final host states and the stage state from the persisted counters. */
export async function finishStage(
  ctx: Pick<RunContext, 'installId'>,
  stage: Stage,
  status: StageStatus,
  extra: { exitCode?: number | null; error?: string },
): Promise<void> {
  const db = getDb();
  const hosts = await db.stageHost.findMany({ where: { stageId: stage.id } });
  const failedHosts: string[] = [];
  for (const h of hosts) {
    const bad = h.failed > 0 || h.unreachable > 0;
    const touched = h.ok + h.changed + h.skipped > 0;
    const hs: StageStatus = bad ? 'failed' : status === 'succeeded' ? 'succeeded' : status === 'failed' ? (touched ? 'succeeded' : 'failed') : status;
    if (hs === 'failed') failedHosts.push(h.host);
    await finishStageHostStatus(h.id, hs);
  }
  const firstError = hosts.find((h) => h.errorJson)?.errorJson;
  const error = extra.error ?? (status === 'failed' && firstError ? decodeHostError(firstError).msg : undefined);
  await finishStageStatus(stage.id, status, { exitCode: extra.exitCode ?? null, error: error ?? null });
  if (failedHosts.length > 0) {
    await setNodeState(db, ctx.installId, failedHosts, { state: 'failed', stateNote: `failed at stage ${stage.name}` });
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
  if (!(await claimStage(stage.id))) return { status: 'interrupted', error: 'stage was not queued' };
  const hostNames = (await db.stageHost.findMany({ where: { stageId: stage.id }, select: { host: true } })).map((h) => h.host);
  // a day-2 operation changes the state of the hosts it is about; the other nodes stay as they are
  const changing = ctx.operation === 'install' ? hostNames : hostNames.filter((h) => ctx.targets.includes(h));
  if (changing.length > 0) {
    const doing = ctx.operation === 'install' ? 'stage' : `${ctx.operation}: stage`;
    await setNodeState(db, ctx.installId, changing, { state: 'installing', stateNote: `${doing} ${stage.name}` }, { not: 'failed' });
    await setNodeState(db, ctx.installId, changing, { state: 'installing', stateNote: `retrying ${doing} ${stage.name}` }, 'failed');
  }

  const limit = hostNames.length > 0 && hostNames.length < ctx.config.hosts.length ? hostNames : null;
  const def: StageDef = opts.def ?? { name: stage.name, label: stage.name, kind: 'playbook', playbook: stage.playbook };
  if (def.kind === 'write-config') return runWriteConfig(ctx, stage, writer);

  const paths = stagePaths(stage.id);
  let result: FollowResult | undefined;
  let startError: string | undefined;
  try {
    const session = await ctx.link.session();
    await writeRemoteFiles(session, [...supportFiles(), ...stageFilesFor(ctx, def, paths, limit)]);
    const pid = await startRemoteStage(session, paths);
    await db.stage.update({ where: { id: stage.id }, data: { pid, privateDir: paths.dir } });
    note(writer, ctx, stage, `started on the taskbox ${ctx.link.name} (pid ${pid}) in ${paths.dir}: ${commandSummary(def, limit)}`);
    result = await followStage(followOptions(ctx, stage, def, paths, writer, opts.isCancelRequested));
  } catch (err) {
    startError = ctx.redact((err as Error).message);
  } finally {
    await removeStageDir(ctx, paths, writer, stage);
  }
  return concludeStage(ctx, stage, writer, result, startError, opts.isCancelRequested());
}

function commandSummary(def: StageDef, limit: string[] | null): string {
  const what =
    def.kind === 'prepare'
      ? "the bundle's bootstrap if needed, then ansible all -m ping"
      : def.kind === 'internal-lb'
        ? `ansible-playbook ${def.playbook} on the load balancer's hosts`
        : `ansible-playbook ${def.playbook}`;
  return `${what}${limit ? ` --limit ${limit.join(',')}` : ''}`;
}

function stageFilesFor(ctx: RunContext, def: StageDef, paths: StagePaths, limit: string[] | null) {
  const input: StageScriptInput = {
    profile: ctx.profile,
    bundle: ctx.bundle,
    paths,
    limit,
    scriptEnv: scriptEnvOf(ctx.operation),
    vars: stageVarsOf(ctx.operation, def.name, ctx.targets),
  };
  if (def.kind === 'internal-lb') return internalLbFilesFor(ctx, def, paths);
  let builtinFiles: RemoteFile[] | undefined;
  let playbook = `../${def.playbook}`;
  if (def.playbook.startsWith('builtin:')) {
    const builtin = builtinPlaybookFiles(def.playbook, paths.dir);
    builtinFiles = builtin.files;
    playbook = builtin.playbook;
  }
  const runScript = def.kind === 'prepare' ? renderPrepareScript(input) : renderPlaybookScript(input, playbook);
  const keys = unlockedHostKeys(
    ctx.runDir,
    ctx.config.hosts.filter((h) => !h.taskbox),
  );
  const inventory = def.kind === 'prepare' ? renderHostsIni(ctx.config, { secrets: 'placeholder' }) : undefined;
  return stageFiles({ config: ctx.config, paths, runScript, extraVars: ctx.extraVars, knownHosts: ctx.knownHosts, keys, builtinFiles, inventory });
}

/** The internal-lb stage: the builtin playbook on every LB host, with the stage's own inventory of them. */
function internalLbFilesFor(ctx: RunContext, def: StageDef, paths: StagePaths) {
  const lb = internalLbOf(ctx.config);
  const builtin = builtinPlaybookFiles(def.playbook, paths.dir);
  const runScript = renderPlaybookScript({ profile: ctx.profile, bundle: ctx.bundle, paths, limit: null, ownInventory: paths.lbInventory }, builtin.playbook);
  const keys = unlockedHostKeys(ctx.runDir, lb.hosts);
  return internalLbStageFiles({
    config: ctx.config,
    paths,
    runScript,
    extraVars: ctx.extraVars,
    knownHosts: ctx.knownHosts,
    keys,
    builtinFiles: builtin.files,
    profile: ctx.profile,
  });
}

export function followOptions(
  ctx: RunContext,
  stage: Stage,
  def: StageDef | undefined,
  paths: StagePaths,
  writer: LogWriter,
  isCancelRequested: () => boolean,
) {
  return {
    runId: ctx.runId,
    stageId: stage.id,
    stageName: stage.name,
    stageDef: def,
    bundle: ctx.bundle,
    paths,
    link: ctx.link,
    afterCounter: stage.lastEventCounter,
    redact: ctx.redact,
    writer,
    isCancelRequested,
  };
}

/**
 * Removes the stage's dir on the taskbox (its secrets first, by the wrapper's own cleanup), after
 * every event was persisted (with KSW_KEEP_STAGE_DIRS=1 only the secrets). Retried once over a fresh connection; a failure is logged on the stage,
 * never thrown (the stage's outcome stands).
 */
export async function removeStageDir(ctx: RunContext, paths: StagePaths, writer: LogWriter, stage: Stage): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const session = await ctx.link.session();
      await cleanupRemoteStage(session, paths);
      if (!loadEnv().keepStageDirs) await session.execOk(['rm', '-rf', '--', paths.dir], { sudo: true, timeoutMs: 30_000 });
      return;
    } catch (err) {
      if (attempt === 1)
        note(
          writer,
          ctx,
          stage,
          `could not remove ${paths.dir} on the taskbox: ${ctx.redact((err as Error).message)}; remove it by hand (it holds the stage's secrets)`,
          true,
        );
      ctx.link.invalidate();
    }
  }
}

async function runWriteConfig(ctx: RunContext, stage: Stage, writer: LogWriter): Promise<StageOutcome> {
  try {
    const session = await ctx.link.session();
    const lines = await writeConfigOnTaskbox(session, ctx);
    for (const l of lines) note(writer, ctx, stage, l);
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
    writer.enqueue({
      runId: ctx.runId,
      stageId: stage.id,
      stage: stage.name,
      lines: [{ host: null, kind: 'event', failed: true, text: msg, t: Date.now() }],
      counts: new Map(),
      errors: new Map(),
    });
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
    lines: [
      {
        host: null,
        kind: 'event',
        failed: status !== 'succeeded',
        text: `stage ${stage.name} ${status}${result.rc !== null ? ` (rc ${result.rc})` : ''}`,
        t: Date.now(),
      },
    ],
    counts: new Map(),
    errors: new Map(),
  });
  await writer.drain();
  await finishStage(ctx, stage, status, { exitCode: result.rc, error });
  return { status, error };
}
