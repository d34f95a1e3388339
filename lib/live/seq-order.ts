/**
 * Client-side order of a live stream: items arrive from a backfill and from live batches, in any
 * order and possibly twice (a live batch can overtake the backfill; a re-join resends). `add`
 * returns the items that became next in line, in seq order, each exactly once.
 *
 * Invariants: released seqs are dense from `afterSeq + 1`; an item at or below the last released
 * seq is dropped; one ahead of the next expected is held until the gap fills (`hasGap` meanwhile —
 * the caller re-joins from `lastSeq` when a gap persists).
 */
export class SeqOrder<T> {
  private last: number;
  private readonly held = new Map<number, T>();

  constructor(
    private readonly seqOf: (item: T) => number,
    afterSeq = 0,
  ) {
    this.last = afterSeq;
  }

  /** The highest seq released so far (everything up to it was released once). */
  get lastSeq(): number {
    return this.last;
  }

  get hasGap(): boolean {
    return this.held.size > 0;
  }

  add(items: readonly T[]): T[] {
    const out: T[] = [];
    for (const item of items) {
      const seq = this.seqOf(item);
      if (seq <= this.last || this.held.has(seq)) continue;
      if (seq !== this.last + 1) {
        this.held.set(seq, item);
        continue;
      }
      out.push(item);
      this.last = seq;
      for (let next = this.held.get(this.last + 1); next !== undefined; next = this.held.get(this.last + 1)) {
        this.held.delete(this.last + 1);
        out.push(next);
        this.last += 1;
      }
    }
    return out;
  }
}
