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
 * - text arrives here already redacted.
 */
import type { Prisma, PrismaClient } from '@prisma/client';
import { getDb } from '../db';
import { getIo } from '../realtime/io';
import { TRACE, traceBusy, traceStep } from './trace';
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
  /** Enqueue time (ms), only when tracing (trace.ts). */
  tEnq?: number;
}

/** Wire format of one line: [seq, stage, host, kind, failed(0|1), text, t]. */
export type WireLine = [number, string, string | null, string, 0 | 1, string, number];

export const RUN_ROOM = (runId: string) => `run:${runId}`;
export const LINES_EVENT = 'run:lines';

const FLUSH_MS = 50;
const FLUSH_LINES = 500;
const FLUSH_MAX = 2000;

export class LogWriter {
  private queue: StageBatch[] = [];
  private queuedLines = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly nextSeq = new Map<string, number>();
  /** Called after each committed flush, per run (used for run-state pushes). */
  onCommitted: ((runIds: string[]) => void) | undefined;

  private readonly sqlite = (process.env.DATABASE_URL ?? 'file:').startsWith('file:');

  constructor(private readonly db: () => PrismaClient = getDb) {}

  /** Lines enqueued and not yet handed to a flush. */
  get backlog(): number {
    return this.queuedLines;
  }

  enqueue(batch: StageBatch): void {
    this.queue.push(batch);
    this.queuedLines += batch.lines.length;
    if (this.queuedLines >= FLUSH_LINES) this.kick(0);
    else this.kick(FLUSH_MS);
  }

  /** Resolves when everything enqueued so far is committed. */
  async drain(): Promise<void> {
    for (;;) {
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
        console.error(`[runner] log flush failed: ${(err as Error).message}`);
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

  /** Forget a finished run's counter (memory); it is re-read from the DB if the run writes again. */
  forget(runId: string): void {
    this.nextSeq.delete(runId);
  }

  private async flush(): Promise<void> {
    // At most ~FLUSH_MAX lines per transaction: better-sqlite3 blocks the event loop while it writes.
    let take = 0;
    let lines = 0;
    while (take < this.queue.length && (take === 0 || lines + (this.queue[take]?.lines.length ?? 0) <= FLUSH_MAX)) {
      lines += this.queue[take]?.lines.length ?? 0;
      take += 1;
    }
    const batches = this.queue.splice(0, take);
    this.queuedLines -= lines;
    if (this.queue.length > 0) this.kick(0);
    if (batches.length === 0) return;
    const tp = Date.now();
    const db = this.db();
    // Rows per (run, stage) group; the wire arrays double as the rows (one allocation per line).
    const groups: { runId: string; stage: string; lines: WireLine[] }[] = [];
    const wire = new Map<string, WireLine[]>();
    const seqs = new Map<string, number>();
    let rowCount = 0;
    for (const b of batches) {
      let seq = seqs.get(b.runId) ?? (await this.seqStart(b.runId));
      let out = wire.get(b.runId);
      if (!out) wire.set(b.runId, (out = []));
      let group = groups[groups.length - 1];
      if (!group || group.runId !== b.runId || group.stage !== b.stage) groups.push((group = { runId: b.runId, stage: b.stage, lines: [] }));
      for (const l of b.lines) {
        const w: WireLine = [seq, b.stage, l.host, l.kind, l.failed ? 1 : 0, l.text, l.t];
        out.push(w);
        group.lines.push(w);
        seq += 1;
      }
      rowCount += b.lines.length;
      seqs.set(b.runId, seq);
    }
    const ops: Prisma.PrismaPromise<unknown>[] = [];
    const at = new Date().toISOString().replace('Z', '+00:00');
    for (const g of groups) {
      if (g.lines.length === 0) continue;
      if (this.sqlite) {
        // One statement per group, the rows as ONE JSON parameter expanded by json_each: the cost per
        // row is SQLite's, not the driver's per-parameter conversion (bench/logs.ts: ~6x fewer CPU
        // ms than a 400-row multi-row INSERT through Prisma). Same columns and value types.
        const json = JSON.stringify(g.lines);
        ops.push(
          db.$executeRawUnsafe(
            `INSERT INTO "LogLine" ("runId","seq","stage","host","kind","failed","text","at") SELECT ?, j.value->>0, ?, j.value->>2, j.value->>3, j.value->>4, j.value->>5, ? FROM json_each(?) AS j`,
            g.runId,
            g.stage,
            at,
            json,
          ),
        );
      } else {
        const data = g.lines.map((w) => ({ runId: g.runId, seq: w[0], stage: g.stage, host: w[2], kind: w[3], failed: w[4] === 1, text: w[5] }));
        for (let i = 0; i < data.length; i += 2000) ops.push(db.logLine.createMany({ data: data.slice(i, i + 2000) }));
      }
    }
    const lastByStage = new Map<string, number>();
    for (const b of batches) if (b.lastCounter !== undefined) lastByStage.set(b.stageId, Math.max(lastByStage.get(b.stageId) ?? 0, b.lastCounter));
    for (const [stageId, counter] of lastByStage) ops.push(db.stage.update({ where: { id: stageId }, data: { lastEventCounter: counter } }));
    const merged = new Map<string, Partial<Record<HostCounter, number>>>();
    for (const b of batches) {
      for (const [host, inc] of b.counts) {
        const key = `${b.stageId}\u0000${host}`;
        const m = merged.get(key) ?? {};
        for (const [f, n] of Object.entries(inc) as [HostCounter, number][]) m[f] = (m[f] ?? 0) + n;
        merged.set(key, m);
      }
    }
    for (const [key, inc] of merged) {
      const [stageId, host] = key.split('\u0000');
      const data: Record<string, { increment: number }> = {};
      for (const [f, n] of Object.entries(inc)) data[f] = { increment: n };
      ops.push(db.stageHost.updateMany({ where: { stageId, host }, data }));
    }
    for (const b of batches) {
      for (const [host, error] of b.errors) {
        ops.push(db.stageHost.updateMany({ where: { stageId: b.stageId, host, errorJson: null }, data: { errorJson: JSON.stringify(error) } }));
      }
      if (b.recap) {
        for (const [host, r] of Object.entries(b.recap)) {
          ops.push(db.stageHost.updateMany({ where: { stageId: b.stageId, host }, data: { ok: r.ok, changed: r.changed, failed: r.failed, skipped: r.skipped, unreachable: r.unreachable } }));
        }
      }
    }
    const tf = Date.now();
    await db.$transaction(ops);
    if (process.env.KSW_RUNNER_DEBUG) console.error(`[flush] ${rowCount} rows in ${Date.now() - tf} ms`);
    const committed = Date.now();
    if (TRACE) {
      traceBusy('prepare+commit', committed - tp);
      for (const b of batches) if (b.tEnq) traceStep('enqueued→committed', committed - b.tEnq, b.lines.length, b.lines[0]?.t);
    }
    for (const [runId, seq] of seqs) this.nextSeq.set(runId, seq);
    const io = getIo();
    if (io) for (const [runId, lines] of wire) if (lines.length > 0) io.to(RUN_ROOM(runId)).emit(LINES_EVENT, { runId, lines });
    if (TRACE) {
      const emitted = Date.now();
      traceBusy('emit', emitted - committed);
      traceStep('committed→emitted', emitted - committed, rowCount);
    }
    this.onCommitted?.([...wire.keys()]);
  }
}
