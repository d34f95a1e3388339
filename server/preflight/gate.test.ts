import { describe, expect, it } from 'vitest';
import { canStartInstall } from './gate';
import { SeqMerger } from './seq-merge';

describe('install gate', () => {
  it('blocks failures and running runs, needs an ack for warnings', () => {
    expect(canStartInstall(undefined, true)).toBe(false);
    expect(canStartInstall({ status: 'running' }, true)).toBe(false);
    expect(canStartInstall({ status: 'failed' }, true)).toBe(false);
    expect(canStartInstall({ status: 'warned' }, false)).toBe(false);
    expect(canStartInstall({ status: 'warned' }, true)).toBe(true);
    expect(canStartInstall({ status: 'passed' }, false)).toBe(true);
  });
});

describe('SeqMerger', () => {
  it('buffers live events until the backlog, then applies each seq once in order', () => {
    const applied: number[] = [];
    const m = new SeqMerger<{ seq: number }>((e) => applied.push(e.seq), 2);
    m.live({ seq: 5 });
    m.live({ seq: 4 });
    m.backlog([{ seq: 3 }, { seq: 4 }, { seq: 2 }]);
    m.live({ seq: 5 });
    m.live({ seq: 6 });
    expect(applied).toEqual([3, 4, 5, 6]);
    m.resubscribe();
    m.live({ seq: 8 });
    m.backlog([{ seq: 7 }]);
    expect(applied).toEqual([3, 4, 5, 6, 7, 8]);
  });
});
