/**
 * The browser's copy of a run log, kept compact for 1,000,000+ lines: parallel arrays (text in a
 * string array, stage/host as small dictionary indexes in typed arrays, flags in a byte array) —
 * never one object or DOM node per line.
 *
 * Invariants: lines are appended strictly in seq order starting at seq 1 (or `afterSeq + 1`); the
 * live stream (lib/live/seq-order.ts) hands them over in order, once; anything else (a seq already
 * held, or one past the next expected) is dropped. `version` increments on append.
 */
import type { WireLine } from '@/lib/live/wire-line';

export type { WireLine };

export const FLAG_FAILED = 1;
export const FLAG_PHASE = 2;
export const FLAG_EVENT = 4;

class GrowArray {
  data: Uint16Array | Uint8Array;
  constructor(private readonly make: (n: number) => Uint16Array | Uint8Array) {
    this.data = make(1024);
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
  }
  get(i: number): number {
    return this.data[i] ?? 0;
  }
}

export class LineStore {
  readonly texts: string[] = [];
  private readonly stageIdx = new GrowArray((n) => new Uint16Array(n));
  private readonly hostIdx = new GrowArray((n) => new Uint16Array(n));
  private readonly flags = new GrowArray((n) => new Uint8Array(n));
  readonly stages: string[] = [];
  readonly hosts: string[] = [''];
  private readonly stageMap = new Map<string, number>();
  private readonly hostMap = new Map<string, number>([['', 0]]);
  private firstSeq = 1;
  /** Receipt timestamps are not kept; `lastT` is the emission time of the newest line (for latency). */
  lastT = 0;
  version = 0;

  constructor(afterSeq = 0) {
    this.firstSeq = afterSeq + 1;
  }

  get length(): number {
    return this.texts.length;
  }

  /** The next seq this store expects. */
  get nextSeq(): number {
    return this.firstSeq + this.texts.length;
  }

  private intern(map: Map<string, number>, list: string[], value: string): number {
    let i = map.get(value);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      map.set(value, i);
    }
    return i;
  }

  private push(l: WireLine): void {
    const i = this.texts.length;
    this.texts.push(l[5]);
    this.stageIdx.set(i, this.intern(this.stageMap, this.stages, l[1]));
    this.hostIdx.set(i, this.intern(this.hostMap, this.hosts, l[2] ?? ''));
    this.flags.set(i, (l[4] ? FLAG_FAILED : 0) | (l[3] === 'phase' ? FLAG_PHASE : 0) | (l[3] === 'event' ? FLAG_EVENT : 0));
    this.lastT = l[6];
  }

  /** Appends the lines that continue the store in seq order; returns how many were appended. */
  add(lines: readonly WireLine[]): number {
    const before = this.texts.length;
    for (const l of lines) if (l[0] === this.nextSeq) this.push(l);
    const added = this.texts.length - before;
    if (added > 0) this.version += 1;
    return added;
  }

  stageOf(i: number): string {
    return this.stages[this.stageIdx.get(i)] ?? '';
  }
  hostOf(i: number): string {
    return this.hosts[this.hostIdx.get(i)] ?? '';
  }
  flagsOf(i: number): number {
    return this.flags.get(i);
  }
  stageIndexOf(i: number): number {
    return this.stageIdx.get(i);
  }
  hostIndexOf(i: number): number {
    return this.hostIdx.get(i);
  }
  seqOf(i: number): number {
    return this.firstSeq + i;
  }
}

export interface LineFilter {
  stage: string | null;
  host: string | null;
  failedOnly: boolean;
  search: string;
}

export const NO_FILTER: LineFilter = { stage: null, host: null, failedOnly: false, search: '' };

export function isUnfiltered(f: LineFilter): boolean {
  return f.stage === null && f.host === null && !f.failedOnly && f.search === '';
}

/** Indexes of lines in [from, store.length) matching `f`, appended to `into`. */
export function matchLines(store: LineStore, f: LineFilter, from: number, into: number[]): void {
  const stage = f.stage === null ? -1 : store.stages.indexOf(f.stage);
  const host = f.host === null ? -1 : store.hosts.indexOf(f.host);
  const needle = f.search.toLowerCase();
  for (let i = from; i < store.length; i++) {
    if (f.stage !== null && store.stageIndexOf(i) !== stage) continue;
    if (f.host !== null && store.hostIndexOf(i) !== host) continue;
    if (f.failedOnly && (store.flagsOf(i) & FLAG_FAILED) === 0) continue;
    if (needle && !(store.texts[i] ?? '').toLowerCase().includes(needle)) continue;
    into.push(i);
  }
}
