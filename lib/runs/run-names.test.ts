import { describe, expect, it } from 'vitest';
import { modeWords, runDuration, runNumbers } from './run-names';

describe('runNumbers', () => {
  it('numbers runs oldest first, whatever order they come in', () => {
    const n = runNumbers([
      { id: 'c', createdAt: '2026-01-01T10:02:00Z' },
      { id: 'a', createdAt: '2026-01-01T10:00:00Z' },
      { id: 'b', createdAt: '2026-01-01T10:01:00Z' },
    ]);
    expect([n.get('a'), n.get('b'), n.get('c')]).toEqual([1, 2, 3]);
  });
});

describe('runDuration', () => {
  it('is the time from creation to finish', () => {
    expect(runDuration({ createdAt: '2026-01-01T10:00:00Z', finishedAt: '2026-01-01T10:04:05Z' }, 0)).toBe('4m 05s');
  });
  it('counts up while the run has not finished', () => {
    expect(runDuration({ createdAt: '2026-01-01T10:00:00Z', finishedAt: null }, Date.parse('2026-01-01T10:00:12Z'))).toBe('running 12s');
  });
});

describe('modeWords', () => {
  it('says what each kind of run does, and passes unknown modes through', () => {
    expect(modeWords('failed')).toBe('Retry failed hosts');
    expect(modeWords('resume')).toBe('Finish the install');
    expect(modeWords('other')).toBe('other');
  });
});
