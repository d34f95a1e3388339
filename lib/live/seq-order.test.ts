import { describe, expect, it } from 'vitest';
import { SeqOrder } from './seq-order';

const order = (after = 0) => new SeqOrder<{ seq: number }>((i) => i.seq, after);
const s = (...seqs: number[]) => seqs.map((seq) => ({ seq }));

describe('SeqOrder', () => {
  it('releases dense seqs once, in order, holding items that overtake a gap', () => {
    const o = order();
    expect(o.add(s(1, 2))).toEqual(s(1, 2));
    expect(o.add(s(2, 4, 5, 4))).toEqual([]);
    expect(o.hasGap).toBe(true);
    expect(o.add(s(3))).toEqual(s(3, 4, 5));
    expect(o.hasGap).toBe(false);
    expect(o.lastSeq).toBe(5);
  });

  it('starts after a given seq and drops everything at or below it', () => {
    const o = order(10);
    expect(o.add(s(9, 10, 12, 11))).toEqual(s(11, 12));
  });

  it('any arrival order of a backfill and overlapping live batches gives each seq once', () => {
    for (let trial = 0; trial < 200; trial++) {
      const o = order();
      const all = s(...Array.from({ length: 60 }, (_, i) => i + 1));
      const arrivals = [...all, ...all.filter(() => Math.random() < 0.3)].sort(() => Math.random() - 0.5);
      const released: number[] = [];
      for (let i = 0; i < arrivals.length; i += 7) released.push(...o.add(arrivals.slice(i, i + 7)).map((x) => x.seq));
      expect(released).toEqual(all.map((x) => x.seq));
    }
  });
});
