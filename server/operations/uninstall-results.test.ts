import { describe, expect, it } from 'vitest';
import { notCleaned, resetEndedTheCluster, uninstallResults } from './uninstall-results';

const row = (host: string, status: string, failed = 0, unreachable = 0) => ({ host, status, failed, unreachable });

describe('uninstall results', () => {
  it('names each host cleaned, unreachable, failed or not reached', () => {
    const results = uninstallResults([
      { status: 'failed', hosts: [row('a', 'succeeded'), row('b', 'failed', 0, 1), row('c', 'failed', 2), row('d', 'cancelled')] },
    ]);
    expect(results).toEqual([
      { host: 'a', result: 'cleaned' },
      { host: 'b', result: 'unreachable' },
      { host: 'c', result: 'failed' },
      { host: 'd', result: 'not-reached' },
    ]);
    expect(notCleaned(results)).toEqual(['b', 'c', 'd']);
  });

  it('a retry on the hosts not cleaned replaces their result, the others keep theirs', () => {
    const first = { status: 'failed', hosts: [row('a', 'succeeded'), row('b', 'failed', 0, 1)] };
    const retry = { status: 'succeeded', hosts: [row('b', 'succeeded')] };
    expect(notCleaned(uninstallResults([first, retry]))).toEqual([]);
  });

  it('ends the cluster once reset ran to its end and cleaned a host; not when it cleaned none or was stopped', () => {
    expect(resetEndedTheCluster({ status: 'failed', hosts: [row('a', 'succeeded'), row('b', 'failed', 0, 1)] })).toBe(true);
    expect(resetEndedTheCluster({ status: 'succeeded', hosts: [row('a', 'succeeded')] })).toBe(true);
    expect(resetEndedTheCluster({ status: 'failed', hosts: [row('a', 'failed', 0, 1), row('b', 'failed', 1)] })).toBe(false);
    expect(resetEndedTheCluster({ status: 'cancelled', hosts: [row('a', 'succeeded'), row('b', 'cancelled')] })).toBe(false);
    expect(resetEndedTheCluster(undefined)).toBe(false);
  });
});
