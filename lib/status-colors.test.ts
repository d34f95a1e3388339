import { describe, expect, it } from 'vitest';
import { NOT_RUN } from './runs/status-labels';
import { statusColor } from './status-colors';

describe('statusColor', () => {
  it('gives one colour per meaning across kinds', () => {
    expect(statusColor('run', 'running')).toBe('blue');
    expect(statusColor('install', 'installing')).toBe('blue');
    expect(statusColor('node', 'installing')).toBe('blue');
    expect(statusColor('preflight', 'running')).toBe('blue');
    expect(statusColor('run', 'succeeded')).toBe(statusColor('install', 'installed'));
    expect(statusColor('node', 'ready')).toBe(statusColor('check', 'pass'));
    expect(statusColor('run', 'failed')).toBe(statusColor('install', 'failed'));
  });

  it('tells "not run" from an operator\'s cancel, and greys what it does not know', () => {
    expect(statusColor('run', NOT_RUN)).toBe('gray');
    expect(statusColor('run', 'cancelled')).not.toBe('gray');
    expect(statusColor('run', 'something-new')).toBe('gray');
    expect(statusColor('install', 'something-new')).toBe('gray');
  });
});
