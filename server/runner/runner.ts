/**
 * The process-wide runner (kept on globalThis: Next may evaluate modules twice): one LogWriter, the
 * set of runs driven by this process, cancel requests, and run-state pushes to socket.io.
 *
 * Invariants: at most one drive per run per process; cancel marks the run, and the stage's follower
 * (follow-stage.ts), which holds the link to the taskbox, sends SIGINT to the stage's process group
 * there, then SIGKILL after CANCEL_GRACE_MS; run-state pushes are throttled to one per run per
 * 250 ms and carry the same view as GET /api/runs/:id.
 */
import { getDb } from '../db';
import { driveRun } from './drive-run';
import { settleInstallStatus } from './install-chain';
import { RUN_STATE_EVENT } from '@/lib/live/events';
import { emitToStream } from '../realtime/live-streams';
import { LogWriter } from './log-writer';
import { getRunView } from './run-view';
import { cancelQueuedRun } from '../status/run-status';

export { CANCEL_GRACE_MS } from './follow-stage';
export const STATE_EVENT = RUN_STATE_EVENT;
const PUSH_DELAY_MS = 250;
const PUSH_INTERVAL_MS = 1000;

export class Runner {
  readonly writer = new LogWriter();
  private readonly driving = new Map<string, Promise<unknown>>();
  private readonly cancelRequested = new Set<string>();
  private readonly pushTimers = new Map<string, NodeJS.Timeout>();
  private readonly lastPushAt = new Map<string, number>();

  constructor() {
    this.writer.onCommitted = (runIds) => {
      for (const id of runIds) this.pushState(id);
    };
  }

  isDriving(runId: string): boolean {
    return this.driving.has(runId);
  }

  /** Starts (or re-attaches) a run unless this process already drives it. */
  drive(runId: string): Promise<unknown> {
    const current = this.driving.get(runId);
    if (current) return current;
    const p = driveRun(runId, {
      writer: this.writer,
      isCancelRequested: (id) => this.cancelRequested.has(id),
      onChange: (id) => this.pushState(id),
    })
      .catch((err: unknown) => {
        console.error(`[runner] run ${runId} crashed: ${(err as Error).message}`);
      })
      .finally(() => {
        this.driving.delete(runId);
        this.lastPushAt.delete(runId);
        this.cancelRequested.delete(runId);
      });
    this.driving.set(runId, p);
    return p;
  }

  /** Waits until this process no longer drives `runId`. */
  async settled(runId: string): Promise<void> {
    await this.driving.get(runId);
  }

  async cancel(runId: string): Promise<'cancelled' | 'stopping' | 'not-active'> {
    const db = getDb();
    this.cancelRequested.add(runId);
    if (await cancelQueuedRun(runId)) {
      const run = await db.run.findUnique({ where: { id: runId }, select: { installId: true } });
      if (run) await settleInstallStatus(run.installId);
      this.pushState(runId);
      return 'cancelled';
    }
    const run = await db.run.findUnique({ where: { id: runId } });
    if (!run || run.status !== 'running') {
      this.cancelRequested.delete(runId);
      return 'not-active';
    }
    if (!this.driving.has(runId)) void this.drive(runId);
    return 'stopping';
  }

  /**
   * Pushes the run's state to its room: 250 ms after the first change, then at most once a second
   * (a state is a dozen queries; during a log burst, loading it four times a second took a share of
   * the event loop the lines needed).
   */
  pushState(runId: string): void {
    if (this.pushTimers.has(runId)) return;
    const delay = Math.max(PUSH_DELAY_MS, (this.lastPushAt.get(runId) ?? 0) + PUSH_INTERVAL_MS - Date.now());
    const timer = setTimeout(() => {
      this.pushTimers.delete(runId);
      this.lastPushAt.set(runId, Date.now());
      getRunView(runId).then(
        (view) => {
          if (view) emitToStream('run', runId, STATE_EVENT, view);
        },
        () => undefined,
      );
    }, delay);
    timer.unref();
    this.pushTimers.set(runId, timer);
  }
}

const globalRunner = globalThis as unknown as { __kswRunner?: Runner };

export function getRunner(): Runner {
  globalRunner.__kswRunner ??= new Runner();
  return globalRunner.__kswRunner;
}
