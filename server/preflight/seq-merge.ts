/**
 * Client-side ordering of a live stream with a backlog (used by the preflight page):
 * subscribe first and buffer live events, apply the backlog (events after the last seq the client
 * has), then flush the buffer. Every seq is applied once, in order of arrival after dedupe.
 */
export interface Sequenced {
  seq: number;
}

export class SeqMerger<T extends Sequenced> {
  private lastSeq: number;
  private buffering = true;
  private buffer: T[] = [];

  constructor(
    private readonly apply: (event: T) => void,
    afterSeq = 0,
  ) {
    this.lastSeq = afterSeq;
  }

  get seq(): number {
    return this.lastSeq;
  }

  /** Starts a new (re)subscription: live events are held until the backlog arrives. */
  resubscribe(): void {
    this.buffering = true;
  }

  live(event: T): void {
    if (this.buffering) this.buffer.push(event);
    else this.accept(event);
  }

  backlog(events: readonly T[]): void {
    for (const e of [...events].sort((a, b) => a.seq - b.seq)) this.accept(e);
    const held = this.buffer.sort((a, b) => a.seq - b.seq);
    this.buffer = [];
    this.buffering = false;
    for (const e of held) this.accept(e);
  }

  private accept(event: T): void {
    if (event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    this.apply(event);
  }
}
