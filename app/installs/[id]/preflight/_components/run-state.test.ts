import { describe, expect, it } from 'vitest';
import type { PreflightRunView } from '@/lib/api/preflight';
import { applyResult, columnsOf, summaryLine } from './run-state';

const empty = (): PreflightRunView => ({
  runId: 'r1',
  installId: 'i1',
  status: 'running',
  startedAt: '',
  hosts: [
    { name: 'a', status: 'pending', checks: [] },
    { name: 'b', status: 'pending', checks: [] },
  ],
  cluster: { status: 'pending', checks: [] },
  lastSeq: 0,
});
const check = (id: string, status: 'pass' | 'warn' | 'fail', seq: number) => ({ id, title: id, status, message: id, durationMs: 1, seq });

describe('preflight page state', () => {
  it('applies live results, builds columns and the summary line', () => {
    let v = empty();
    v = applyResult(v, { runId: 'r1', seq: 1, host: 'a', check: check('ssh', 'fail', 1) });
    v = applyResult(v, { runId: 'r1', seq: 2, host: 'b', check: check('ssh', 'pass', 2) });
    v = applyResult(v, { runId: 'r1', seq: 3, host: 'b', check: check('os', 'warn', 3) });
    v = applyResult(v, { runId: 'other', seq: 4, host: 'b', check: check('os', 'fail', 4) });
    expect(v.hosts.map((h) => h.status)).toEqual(['fail', 'warn']);
    expect(v.lastSeq).toBe(3);
    expect(columnsOf(v).map((c) => c.id)).toEqual(['ssh', 'os']);
    expect(summaryLine({ ...v, status: 'failed' })).toBe('1 host fails, 1 warning on 1 host');
    expect(summaryLine(v)).toMatch(/^Checking 2 hosts…/);
  });
  it('says which hosts a re-check of some hosts is checking', () => {
    const v = { ...empty(), combined: { hostRuns: [], newestHosts: ['b'], clusterRunId: 'r0', clusterCheckedAt: '2026-01-01T00:00:00.000Z' } };
    expect(summaryLine(v)).toBe('Re-checking b…');
  });
});
