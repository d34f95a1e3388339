/**
 * The ONE writer of LogLine rows (and of the per-stage/per-host counters that travel with them).
 *
 * Invariants:
 * - lines are persisted in batches (every 50 ms or 500 lines) in one transaction together with the
 *   Stage.lastEventCounter they reach, so after a crash the DB and the counter agree: a re-attach
 *   resumes after the last persisted event — nothing lost, nothing twice;
 * - `seq` is per run, dense, assigned here only (one writer per process; initialised from the DB);
 * - lines are emitted to socket.io room `run:<runId>` only AFTER their transaction committed, so a
 *   client's backfill (DB) + live (socket) never has a gap; emission never blocks persistence;
 * - text arrives here already redacted;
 * - while the database cannot take writes (disk full, read-only) lines are held and retried in order
 *   (up to 10 min / 500,000 lines, then dropped with an error naming the disk), never reordered.
 */
import type { PrismaClient } from '@prisma/client';
import { getDb, getSqliteLogConnection } from '../db';
import { loadEnv } from '../env';
import { describeStorageError, storageProblemOf } from '../storage-errors';
import { planFlush, type FlushPlan } from './flush-plan';
import { writeFlushWithPrisma } from './flush-sink-prisma';
import { isSqliteBusy, writeFlushToSqlite } from './flush-sink-sqlite';
import { emitLive } from '../realtime/live-streams';
import { pipelineHooks } from './pipeline-hooks';
import type { HostCounter, HostError, RecapRow } from './translate-event';

export interface PendingLine {
  host: string | null;
  kind: 'line' | 'event' | 'phase';
  failed: boolean;
  text: string;
  /** Event creation time (ms), for latency figures. */
  t: number;
}

export interface StageBatch {
  runId: string;
  stageId: string;
  stage: string;
  lines: PendingLine[];
  lastCounter?: number;
  counts: Map<string, Partial<Record<HostCounter, number>>>;
  recap?: Record<string, RecapRow>;
  errors: Map<string, HostError>;
}

export type { WireLine } from '@/lib/live/wire-line';

const FLUSH_MS = 50;
const FLUSH_LINES = 500;
const FLUSH_MAX = 2000;
/** How long a flush waits for another connection's write lock before it fails (and is logged). */
const BUSY_GIVE_UP_MS = 30_000;

export interface LogWriterOptions {
  /** While storage is full or read-only, lines are held and retried this often (ms). */
  holdRetryMs?: number;
  /** ...for at most this long (ms) and this many lines; then the held lines are dropped, loudly. */
  holdMaxMs?: number;
  holdMaxLines?: number;
}

interface Holding {
  since: number;
  lastLog: number;
  /** After giving up, lines are dropped at once until a write succeeds again. */
  gaveUp: boolean;
}

export class LogWriter {
  private queue: StageBatch[] = [];
  private queuedLines = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly nextSeq = new Map<string, number>();
  /** Called after each committed flush, per run (used for run-state pushes). */
  onCommitted: ((runIds: string[]) => void) | undefined;
  /** Set while the database cannot take writes (disk full, read-only): lines wait in the queue. */
  private holding: Holding | undefined;
  private readonly holdRetryMs: number;
  private readonly holdMaxMs: number;
  private readonly holdMaxLines: number;

  constructor(
    private readonly db: () => PrismaClient = getDb,
    options: LogWriterOptions = {},
  ) {
    this.holdRetryMs = options.holdRetryMs ?? 1000;
    this.holdMaxMs = options.holdMaxMs ?? 10 * 60_000;
    this.holdMaxLines = options.holdMaxLines ?? 500_000;
  }

  /** True while lines are held because the database cannot take writes. */
  get isHolding(): boolean {
    return this.holding !== undefined && !this.holding.gaveUp;
  }

  /** Lines enqueued and not yet handed to a flush. */
  get backlog(): number {
    return this.queuedLines;
  }

  enqueue(batch: StageBatch): void {
    this.queue.push(batch);
    this.queuedLines += batch.lines.length;
    if (this.isHolding)
      this.kick(this.holdRetryMs); // the retry timer flushes
    else if (this.queuedLines >= FLUSH_LINES) this.kick(0);
    else this.kick(FLUSH_MS);
  }

  /** Resolves when everything enqueued so far is committed (or, after storage failed for too long, dropped). */
  async drain(): Promise<void> {
    for (;;) {
      if (this.isHolding) await new Promise((r) => setTimeout(r, this.holdRetryMs));
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
      if (this.queue.length > 0) this.chainFlush();
      await this.flushing;
      if (this.queue.length === 0 && !this.timer) return;
    }
  }

  private chainFlush(): void {
    this.flushing = this.flushing
      .then(() => this.flush())
      .catch((err: unknown) => {
        console.error(`[runner] log flush failed, its lines are not stored: ${describeStorageError(err) ?? (err as Error).message}`);
      });
  }

  private kick(delay: number): void {
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.chainFlush();
    }, delay);
  }

  private async seqStart(runId: string): Promise<number> {
    const known = this.nextSeq.get(runId);
    if (known !== undefined) return known;
    const agg = await this.db().logLine.aggregate({ where: { runId }, _max: { seq: true } });
    const start = (agg._max.seq ?? 0) + 1;
    this.nextSeq.set(runId, start);
    return start;
  }

  /**
   * One transaction: on SQLite through the writer's own connection, retried while another connection
   * holds the write lock (flush-sink-sqlite.ts); on PostgreSQL through Prisma.
   */
  private async write(plan: FlushPlan): Promise<void> {
    if (loadEnv().databaseKind !== 'sqlite') return writeFlushWithPrisma(this.db(), plan);
    const deadline = Date.now() + BUSY_GIVE_UP_MS;
    for (let wait = 2; ; wait = Math.min(wait * 2, 100)) {
      try {
        writeFlushToSqlite(getSqliteLogConnection(), plan, new Date());
        return;
      } catch (err) {
        if (!isSqliteBusy(err) || Date.now() > deadline) throw err;
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  /**
   * Storage full or read-only: puts the batches back at the head of the queue (their seqs are
   * assigned again, identically, on the next try) and retries later, for a while. False when the
   * error is another kind, or holding went on too long or grew too big (then lines are dropped).
   */
  private hold(batches: StageBatch[], lines: number, err: unknown): boolean {
    if (!storageProblemOf(err)) return false;
    const now = Date.now();
    this.holding ??= { since: now, lastLog: 0, gaveUp: false };
    if (this.holding.gaveUp) return false;
    if (now - this.holding.since > this.holdMaxMs || this.queuedLines + lines > this.holdMaxLines) {
      this.holding.gaveUp = true;
      console.error(`[runner] gave up holding run log lines after ${Math.round((now - this.holding.since) / 1000)} s: ${describeStorageError(err) ?? ''}`);
      return false;
    }
    this.queue.unshift(...batches);
    this.queuedLines += lines;
    if (now - this.holding.lastLog > 30_000) {
      this.holding.lastLog = now;
      console.error(`[runner] cannot store run log lines yet, holding ${this.queuedLines} and retrying: ${describeStorageError(err) ?? ''}`);
    }
    this.kick(this.holdRetryMs);
    return true;
  }

  /** Forget a finished run's counter (memory); it is re-read from the DB if the run writes again. */
  forget(runId: string): void {
    this.nextSeq.delete(runId);
  }

  private async flush(): Promise<void> {
    // At most ~FLUSH_MAX lines per transaction: the SQLite write blocks the event loop while it runs.
    let take = 0;
    let lines = 0;
    while (take < this.queue.length && (take === 0 || lines + (this.queue[take]?.lines.length ?? 0) <= FLUSH_MAX)) {
      lines += this.queue[take]?.lines.length ?? 0;
      take += 1;
    }
    const batches = this.queue.splice(0, take);
    this.queuedLines -= lines;
    if (batches.length === 0) return;
    const tp = Date.now();
    const firstSeq = new Map<string, number>();
    for (const b of batches) if (!firstSeq.has(b.runId)) firstSeq.set(b.runId, await this.seqStart(b.runId));
    const plan = planFlush(batches, firstSeq);
    const tf = Date.now();
    try {
      await this.write(plan);
    } catch (err) {
      if (this.hold(batches, lines, err)) return; // hold() schedules the retry
      if (this.queue.length > 0) this.kick(0);
      throw err; // logged by chainFlush; these lines are not stored
    }
    if (this.holding) console.error(`[runner] the run log is stored again (${this.queuedLines} held lines follow)`);
    this.holding = undefined;
    // The rest of the queue goes next; scheduled only now, so a write that is being held does not
    // start another attempt at once for the lines behind it.
    if (this.queue.length > 0) this.kick(0);
    if (process.env.KSW_RUNNER_DEBUG) console.error(`[flush] ${plan.rowCount} rows in ${Date.now() - tf} ms`);
    const committed = Date.now();
    pipelineHooks.committed?.(batches, tp, committed);
    for (const [runId, seq] of plan.nextSeq) this.nextSeq.set(runId, seq);
    for (const [runId, wireLines] of plan.wire) emitLive('run', runId, wireLines);
    pipelineHooks.emitted?.(plan, committed, Date.now());
    this.onCommitted?.([...plan.wire.keys()]);
  }
}
