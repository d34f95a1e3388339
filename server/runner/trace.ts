/**
 * Timing of the live log pipeline for the benchmark (bench/logs.ts --trace): `startTrace()` sets
 * the pipeline's hooks (pipeline-hooks.ts) and records, per step and per line, how long it took;
 * `traceReport()` summarises. The app never starts it.
 */
import { pipelineHooks } from './pipeline-hooks';
import type { StageBatch } from './log-writer';

export type TraceStep = 'created→enqueued' | 'enqueued→committed' | 'committed→emitted';

const samples = new Map<TraceStep, number[]>();
const busy = new Map<string, number>();
const timeline = new Map<TraceStep, Map<number, number>>();
const enqueuedAt = new WeakMap<StageBatch, number>();

/** Records `ms` for `lines` lines of one step; `createdMs` places it on the bench's timeline. */
function step(name: TraceStep, ms: number, lines: number, createdMs?: number): void {
  if (createdMs !== undefined) {
    let m = timeline.get(name);
    if (!m) timeline.set(name, (m = new Map()));
    const k = Math.floor(createdMs / 250) * 250;
    m.set(k, Math.max(m.get(k) ?? 0, Math.round(ms)));
  }
  let arr = samples.get(name);
  if (!arr) samples.set(name, (arr = []));
  for (let i = 0; i < lines; i += 1) arr.push(ms);
}

function addBusy(name: string, ms: number): void {
  busy.set(name, (busy.get(name) ?? 0) + ms);
}

export function startTrace(): void {
  pipelineHooks.enqueued = (batches, now) => {
    for (const b of batches) {
      enqueuedAt.set(b, now);
      for (const l of b.lines) step('created→enqueued', now - l.t, 1, l.t);
    }
  };
  pipelineHooks.committed = (batches, preparedAt, committedAt) => {
    addBusy('prepare+commit', committedAt - preparedAt);
    for (const b of batches) {
      const at = enqueuedAt.get(b);
      if (at !== undefined) step('enqueued→committed', committedAt - at, b.lines.length, b.lines[0]?.t);
    }
  };
  pipelineHooks.emitted = (plan, committedAt, emittedAt) => {
    addBusy('emit', emittedAt - committedAt);
    step('committed→emitted', emittedAt - committedAt, plan.rowCount);
  };
}

export function traceReport(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, arr] of samples) {
    arr.sort((a, b) => a - b);
    const q = (p: number) => Math.round(arr[Math.min(arr.length - 1, Math.floor(p * arr.length))] ?? 0);
    out[name] = { p50: q(0.5), p95: q(0.95), max: q(1) };
  }
  for (const [name, m] of timeline)
    out[`max ${name} per 250 ms`] = [...m]
      .sort((a, b) => a[0] - b[0])
      .map((e) => e[1])
      .join(' ');
  out.busyMs = Object.fromEntries([...busy].map(([k, v]) => [k, Math.round(v)]));
  return out;
}
