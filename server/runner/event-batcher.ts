/**
 * Job events → writer batches: the pure step of following a stage (redaction, phases, per-host
 * counters, first errors, the recap). The follower decides when to read; this decides what is
 * written.
 *
 * Invariants: events are taken in the order given and each exactly once (the caller skips counters
 * already persisted); every text is redacted here, before anything is stored or sent; a batch holds
 * at most BATCH_LINES lines so one SQLite transaction (which blocks the event loop) stays short.
 */
import type { PendingLine, StageBatch } from './log-writer';
import { phaseOf, type StageDef } from '../installer-profiles/profiles';
import type { Redactor } from './redact';
import { translateEvent, type HostCounter, type HostError, type JobEvent } from './translate-event';

export const BATCH_LINES = 1000;

export class EventBatcher {
  private phase: string | undefined;

  constructor(
    private readonly stage: { runId: string; stageId: string; stageName: string; stageDef: StageDef | undefined },
    private readonly redact: Redactor,
    /** Bundle path prefix stripped from task paths in errors (they are shown relative to the bundle). */
    private readonly bundlePrefix: string,
  ) {}

  private newBatch(): StageBatch {
    return { runId: this.stage.runId, stageId: this.stage.stageId, stage: this.stage.stageName, lines: [], counts: new Map(), errors: new Map() };
  }

  batches(events: readonly JobEvent[]): StageBatch[] {
    const out: StageBatch[] = [];
    let batch = this.newBatch();
    for (const ev of events) {
      if (batch.lines.length >= BATCH_LINES) {
        out.push(batch);
        batch = this.newBatch();
      }
      const t = translateEvent(ev);
      const newPhase = phaseOf(this.stage.stageDef, t.role);
      if (newPhase && newPhase !== this.phase) {
        this.phase = newPhase;
        batch.lines.push({ host: null, kind: 'phase', failed: false, text: `phase: ${newPhase}`, t: t.createdMs });
      }
      for (const text of t.lines) {
        const line: PendingLine = { host: t.host ?? null, kind: 'line', failed: t.failed, text: this.redact(text), t: t.createdMs };
        batch.lines.push(line);
      }
      if (t.count) {
        const c = batch.counts.get(t.count.host) ?? {};
        c[t.count.field as HostCounter] = (c[t.count.field] ?? 0) + 1;
        batch.counts.set(t.count.host, c);
      }
      if (t.error && !batch.errors.has(t.error.host)) {
        const e = t.error.error;
        const file = this.bundlePrefix && e.file.startsWith(this.bundlePrefix) ? e.file.slice(this.bundlePrefix.length) : e.file;
        const redacted: HostError = {
          ...e,
          file,
          task: this.redact(e.task),
          msg: this.redact(e.msg),
          stderr: this.redact(e.stderr),
          stdout: this.redact(e.stdout),
        };
        batch.errors.set(t.error.host, redacted);
      }
      if (t.recap) {
        batch.recap = t.recap;
        batch.counts.clear();
      }
      batch.lastCounter = t.counter;
    }
    if (batch.lines.length > 0 || batch.lastCounter !== undefined || batch.recap) out.push(batch);
    return out;
  }
}
