/**
 * What one log flush writes, worked out from the queued batches (pure): the LogLine rows with their
 * sequence numbers, and the per-stage / per-host counters, first errors and recaps that commit with
 * them. The sinks (flush-sink-sqlite.ts, flush-sink-prisma.ts) write a plan in one transaction.
 */
import type { StageBatch, WireLine } from './log-writer';
import type { HostCounter, HostError, RecapRow } from './translate-event';

export interface FlushPlan {
  /** Rows per (run, stage) run of consecutive lines; the wire arrays double as the rows. */
  groups: { runId: string; stage: string; lines: WireLine[] }[];
  /** Lines per run, in seq order, as emitted to the run's room after the commit. */
  wire: Map<string, WireLine[]>;
  /** Per run, the seq the next line will get once this plan committed. */
  nextSeq: Map<string, number>;
  /** Per stage id, the last ansible-runner event counter these lines reach. */
  stageCounters: Map<string, number>;
  hostCounts: { stageId: string; host: string; inc: Partial<Record<HostCounter, number>> }[];
  /** Kept only where the host has no error yet (the first failure is the one shown). */
  hostErrors: { stageId: string; host: string; error: HostError }[];
  recaps: { stageId: string; host: string; row: RecapRow }[];
  rowCount: number;
}

/** `firstSeq(runId)` is the seq of the run's next line (the writer knows it, or reads it from the DB). */
export function planFlush(batches: readonly StageBatch[], firstSeq: ReadonlyMap<string, number>): FlushPlan {
  const plan: FlushPlan = {
    groups: [],
    wire: new Map(),
    nextSeq: new Map(),
    stageCounters: new Map(),
    hostCounts: [],
    hostErrors: [],
    recaps: [],
    rowCount: 0,
  };
  const counts = new Map<string, { stageId: string; host: string; inc: Partial<Record<HostCounter, number>> }>();
  for (const b of batches) {
    let seq = plan.nextSeq.get(b.runId) ?? firstSeq.get(b.runId);
    if (seq === undefined) throw new Error(`planFlush: no first seq for run ${b.runId}`);
    let out = plan.wire.get(b.runId);
    if (!out) plan.wire.set(b.runId, (out = []));
    let group = plan.groups[plan.groups.length - 1];
    if (!group || group.runId !== b.runId || group.stage !== b.stage) plan.groups.push((group = { runId: b.runId, stage: b.stage, lines: [] }));
    for (const l of b.lines) {
      const w: WireLine = [seq, b.stage, l.host, l.kind, l.failed ? 1 : 0, l.text, l.t];
      out.push(w);
      group.lines.push(w);
      seq += 1;
    }
    plan.rowCount += b.lines.length;
    plan.nextSeq.set(b.runId, seq);
    if (b.lastCounter !== undefined) plan.stageCounters.set(b.stageId, Math.max(plan.stageCounters.get(b.stageId) ?? 0, b.lastCounter));
    for (const [host, inc] of b.counts) {
      const key = `${b.stageId}\u0000${host}`;
      let entry = counts.get(key);
      if (!entry) counts.set(key, (entry = { stageId: b.stageId, host, inc: {} }));
      for (const [f, n] of Object.entries(inc) as [HostCounter, number][]) entry.inc[f] = (entry.inc[f] ?? 0) + n;
    }
    for (const [host, error] of b.errors) plan.hostErrors.push({ stageId: b.stageId, host, error });
    if (b.recap) for (const [host, row] of Object.entries(b.recap)) plan.recaps.push({ stageId: b.stageId, host, row });
  }
  plan.groups = plan.groups.filter((g) => g.lines.length > 0);
  plan.hostCounts = [...counts.values()];
  return plan;
}
