import { describe, expect, it } from 'vitest';
import { RUN_STATUSES, assertTransition, canTransition, isTerminal, sourcesOf } from './run-states';

describe('run/stage/host state machine', () => {
  it('allows the documented path and nothing out of a terminal state', () => {
    expect(canTransition('queued', 'running')).toBe(true);
    expect(canTransition('running', 'succeeded')).toBe(true);
    expect(canTransition('running', 'interrupted')).toBe(true);
    expect(canTransition('queued', 'cancelled')).toBe(true);
    expect(canTransition('queued', 'succeeded')).toBe(false);
    for (const t of ['succeeded', 'failed', 'cancelled', 'interrupted'] as const) {
      expect(isTerminal(t)).toBe(true);
      for (const to of RUN_STATUSES) expect(canTransition(t, to)).toBe(false);
    }
    expect(canTransition('bogus', 'running')).toBe(false);
  });
  it('throws on an illegal transition and lists legal sources', () => {
    expect(() => assertTransition('run', 'failed', 'running')).toThrow(/illegal run transition failed → running/);
    expect(sourcesOf('running')).toEqual(['queued']);
    expect(sourcesOf('cancelled')).toEqual(['queued', 'running']);
  });
});
