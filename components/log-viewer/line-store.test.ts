import { describe, expect, it } from 'vitest';
import { LineStore, matchLines, NO_FILTER, type WireLine } from './line-store';

const l = (seq: number, text = `line ${seq}`, host: string | null = 'h1', failed: 0 | 1 = 0): WireLine => [seq, 'init', host, 'line', failed, text, 0];

describe('LineStore', () => {
  it('appends lines that continue it in seq order and drops any other', () => {
    const s = new LineStore();
    expect(s.add([l(1), l(2)])).toBe(2);
    expect(s.add([l(2), l(4)])).toBe(0);
    expect(s.add([l(3), l(4)])).toBe(2);
    expect(s.texts).toEqual(['line 1', 'line 2', 'line 3', 'line 4']);
    expect(s.nextSeq).toBe(5);
  });
  it('starts after a given seq and filters by host, failed and search', () => {
    const s = new LineStore(10);
    s.add([l(11, 'ok a', 'h1'), l(12, 'fatal b', 'h2', 1), l(13, 'ok c', null)]);
    expect(s.seqOf(0)).toBe(11);
    const out: number[] = [];
    matchLines(s, { ...NO_FILTER, host: 'h2' }, 0, out);
    expect(out).toEqual([1]);
    const failed: number[] = [];
    matchLines(s, { ...NO_FILTER, failedOnly: true }, 0, failed);
    expect(failed).toEqual([1]);
    const found: number[] = [];
    matchLines(s, { ...NO_FILTER, search: 'OK' }, 0, found);
    expect(found).toEqual([0, 2]);
  });
  it('holds 1,000,000 lines compactly', () => {
    const s = new LineStore();
    const batch: WireLine[] = [];
    for (let i = 1; i <= 1_000_000; i++) batch.push(l(i, 'x', i % 2 ? 'a' : 'b'));
    expect(s.add(batch)).toBe(1_000_000);
    const out: number[] = [];
    matchLines(s, { ...NO_FILTER, host: 'b' }, 0, out);
    expect(out.length).toBe(500_000);
  });
});
