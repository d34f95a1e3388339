/**
 * Opt-in timing of the live log pipeline (KSW_RUNNER_TRACE=1; bench/logs.ts turns it on): per step,
 * per line, how long it took. Off by default: no stat calls, no allocation on the hot path.
 */
export const TRACE = Boolean(process.env.KSW_RUNNER_TRACE);

export type TraceStep = 'created→enqueued' | 'enqueued→committed' | 'committed→emitted';

const samples = new Map<TraceStep, number[]>();
const busy = new Map<string, number>();

const timeline = new Map<TraceStep, Map<number, number>>();

/** Records `ms` for `lines` lines of one step; `createdMs` places it on the bench's timeline. */
export function traceStep(step: TraceStep, ms: number, lines: number, createdMs?: number): void {
  if (createdMs !== undefined) {
    let m = timeline.get(step);
    if (!m) timeline.set(step, (m = new Map()));
    const k = Math.floor(createdMs / 250) * 250;
    m.set(k, Math.max(m.get(k) ?? 0, Math.round(ms)));
  }
  let arr = samples.get(step);
  if (!arr) samples.set(step, (arr = []));
  for (let i = 0; i < lines; i += 1) arr.push(ms);
}

/** Adds synchronous work time (ms) to a named bucket (event-loop cost of each step). */
export function traceBusy(name: string, ms: number): void {
  busy.set(name, (busy.get(name) ?? 0) + ms);
}

const spans = new Map<string, [number, number, number]>();
/** Widens the [first, last] time window of `name` and adds `n` to its count. */
export function traceSpan(name: string, at: number, n: number): void {
  const s = spans.get(name);
  if (!s) spans.set(name, [at, at, n]);
  else {
    s[0] = Math.min(s[0], at);
    s[1] = Math.max(s[1], at);
    s[2] += n;
  }
}

export function traceReport(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [step, arr] of samples) {
    arr.sort((a, b) => a - b);
    const q = (p: number) => Math.round(arr[Math.min(arr.length - 1, Math.floor(p * arr.length))] ?? 0);
    out[step] = { p50: q(0.5), p95: q(0.95), max: q(1) };
  }
  for (const [name, [a, b, n]] of spans) out[`span ${name}`] = { ms: Math.round(b - a), n, perSec: Math.round((n * 1000) / Math.max(1, b - a)) };
  for (const [step, m] of timeline) out[`max ${step} per 250 ms`] = [...m].sort((a, b) => a[0] - b[0]).map((e) => e[1]).join(' ');
  out.busyMs = Object.fromEntries([...busy].map(([k, v]) => [k, Math.round(v)]));
  return out;
}
