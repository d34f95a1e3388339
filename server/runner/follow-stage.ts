/**
 * The wait loop of following a stage on the taskbox: reads its events file over SSH
 * (taskbox/follow-remote-events.ts), hands each read to the pure step (stage-event-step.ts:
 * lines → redacted batches, and the outcome) and the batches to the single LogWriter; stops the
 * stage on cancel or idle timeout; returns the outcome once the wrapper is gone and every event is
 * persisted.
 *
 * Invariants:
 * - events with a counter ≤ `afterCounter` (Stage.lastEventCounter) are skipped, so a re-attach
 *   after a wizard restart (which reads the file from its start) stores nothing twice;
 * - a cancel request sends SIGINT to the stage's process group on the taskbox, then SIGKILL (and
 *   every process naming the stage dir) after CANCEL_GRACE_MS;
 * - a stage that writes no event for KSW_STAGE_IDLE_TIMEOUT is stopped the same way and reported
 *   as `timeout`; the stage outcome is never decided by elapsed time otherwise.
 */
import { loadEnv } from '../env';
import { EventBatcher } from './event-batcher';
import type { LogWriter } from './log-writer';
import type { StageDef } from '../installer-profiles/profiles';
import type { Redactor } from './redact';
import { pipelineHooks } from './pipeline-hooks';
import { followRemoteEvents } from './taskbox/follow-remote-events';
import type { StagePaths } from './taskbox/layout';
import { signalRemoteStage } from './taskbox/remote-stage';
import type { TaskboxLink } from './taskbox/taskbox-link';
import { linesToBatches, stageOutcome, watchdogTick, type FollowResult } from './stage-event-step';

export type { FollowResult, StageEndStatus } from './stage-event-step';

export const CANCEL_GRACE_MS = 10_000;

export interface FollowOptions {
  runId: string;
  stageId: string;
  stageName: string;
  stageDef: StageDef | undefined;
  bundle: string;
  paths: StagePaths;
  link: TaskboxLink;
  afterCounter: number;
  redact: Redactor;
  writer: LogWriter;
  isCancelRequested: () => boolean;
}

/** Stops the stage: SIGINT now, SIGKILL after the grace period unless it ended. */
class Stopper {
  private intAt = 0;
  private killed = false;

  constructor(
    private readonly link: TaskboxLink,
    private readonly paths: StagePaths,
  ) {}

  get started(): boolean {
    return this.intAt > 0;
  }

  async tick(now: number): Promise<void> {
    if (this.killed) return;
    const session = await this.link.session();
    if (this.intAt === 0) {
      this.intAt = now;
      await signalRemoteStage(session, this.paths, 'INT');
    } else if (now - this.intAt >= CANCEL_GRACE_MS) {
      this.killed = true;
      await signalRemoteStage(session, this.paths, 'KILL');
    }
  }
}

export async function followStage(opts: FollowOptions): Promise<FollowResult> {
  const batcher = new EventBatcher(
    { runId: opts.runId, stageId: opts.stageId, stageName: opts.stageName, stageDef: opts.stageDef },
    opts.redact,
    `${opts.bundle}/`,
  );
  const idleMs = loadEnv().stageIdleTimeoutS * 1000;
  let lastCounter = opts.afterCounter;
  let lastActivity = Date.now();
  let timedOut = false;
  const stopper = new Stopper(opts.link, opts.paths);

  const onLines = async (lines: string[]): Promise<void> => {
    lastActivity = Date.now();
    const step = linesToBatches(lines, lastCounter, batcher);
    lastCounter = step.lastCounter;
    const { batches } = step;
    pipelineHooks.enqueued?.(batches, Date.now());
    for (const batch of batches) opts.writer.enqueue(batch);
    // Yield so the writer can flush between bursts; wait for it when it falls far behind.
    if (opts.writer.backlog > 20_000) await opts.writer.drain();
    else await new Promise<void>((r) => setImmediate(r));
  };

  let stopping: Promise<void> = Promise.resolve();
  const watchdog = setInterval(() => {
    const now = Date.now();
    const tick = watchdogTick({ now, lastActivity, idleMs, cancelRequested: opts.isCancelRequested(), timedOut });
    timedOut = tick.timedOut;
    if (tick.stop) stopping = stopping.then(() => stopper.tick(now)).catch(() => undefined);
  }, 250);
  try {
    const r = await followRemoteEvents({ link: opts.link, paths: opts.paths, startOffset: 0, onLines: (lines) => onLines(lines) });
    await opts.writer.drain();
    return stageOutcome(r.state, { timedOut, stopSent: stopper.started, lastCounter });
  } finally {
    clearInterval(watchdog);
    await stopping;
  }
}
