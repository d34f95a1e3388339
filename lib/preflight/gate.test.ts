import { describe, expect, it } from 'vitest';
import { canStartInstall } from './gate';

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
