import { describe, expect, it } from 'vitest';
import { BATCH_LINES, EventBatcher } from './event-batcher';
import { KUBERNETES_PHASES, type StageDef } from '../installer-profiles/profiles';
import { createRedactor } from './redact';
import { linesToBatches, stageOutcome, watchdogTick } from './stage-event-step';

const stageDef: StageDef = { name: 'kubernetes', label: 'Install Kubernetes', kind: 'playbook', playbook: 'k8s/cluster.yml', phases: KUBERNETES_PHASES };
const batcher = () => new EventBatcher({ runId: 'r1', stageId: 's1', stageName: 'kubernetes', stageDef }, createRedactor(['s3cret-pass']), '/opt/bundle/');
const ev = (counter: number, event: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ counter, event, created: '2026-12-02T13:00:00.000000', ...extra });
const ok = (counter: number, host: string, stdout: string) => ev(counter, 'runner_on_ok', { stdout, event_data: { host, res: {} } });
const taskStart = (counter: number, role: string) => ev(counter, 'playbook_on_task_start', { event_data: { role, task: 'Install etcd' } });

describe('linesToBatches (events.jsonl lines → writer batches)', () => {
  it('takes each event once in file order, dropping non-events and counters already taken', () => {
    const b = batcher();
    const first = linesToBatches([ok(1, 'n1', 'one'), 'not json', ok(2, 'n1', 'two')], 0, b);
    expect(first.lastCounter).toBe(2);
    expect(first.batches).toHaveLength(1);
    expect(first.batches[0]?.lines.map((l) => l.text)).toEqual(['one', 'two']);
    expect(first.batches[0]?.lastCounter).toBe(2);
    // a re-read from the file's start (re-attach) repeats 1 and 2: only 3 is new
    const again = linesToBatches([ok(1, 'n1', 'one'), ok(2, 'n1', 'two'), ok(3, 'n2', 'three')], first.lastCounter, b);
    expect(again.lastCounter).toBe(3);
    expect(again.batches.flatMap((x) => x.lines.map((l) => l.text))).toEqual(['three']);
    expect(again.batches[0]?.counts.get('n2')).toEqual({ ok: 1 });
  });

  it('skips what a previous wizard process stored (afterCounter) and yields nothing for nothing new', () => {
    const r = linesToBatches([ok(4, 'n1', 'old'), ok(5, 'n1', 'old too')], 5, batcher());
    expect(r).toEqual({ batches: [], lastCounter: 5 });
  });

  it('redacts every text, marks phases, and splits a long read into batches of BATCH_LINES', () => {
    const lines = [taskStart(1, 'etcd'), ok(2, 'n1', 'password is s3cret-pass')];
    for (let i = 3; i <= BATCH_LINES + 5; i++) lines.push(ok(i, 'n1', `line ${i}`));
    const r = linesToBatches(lines, 0, batcher());
    const all = r.batches.flatMap((x) => x.lines);
    expect(all[0]).toMatchObject({ kind: 'phase', text: 'phase: etcd', host: null });
    expect(all[1]?.text).toBe('password is ********');
    expect(all.some((l) => l.text.includes('s3cret-pass'))).toBe(false);
    expect(r.batches.length).toBe(2);
    expect(r.batches.every((x) => x.lines.length <= BATCH_LINES)).toBe(true);
    expect(r.batches[1]?.lastCounter).toBe(BATCH_LINES + 5);
    expect(r.lastCounter).toBe(BATCH_LINES + 5);
  });
});

describe('stageOutcome', () => {
  const facts = { timedOut: false, stopSent: false, lastCounter: 9 };
  it('reads the wrapper rc, a stop the wizard sent and the idle timeout', () => {
    expect(stageOutcome({ kind: 'finished', rc: 0 }, facts)).toEqual({ status: 'successful', rc: 0, lastCounter: 9 });
    expect(stageOutcome({ kind: 'finished', rc: 2 }, facts)).toEqual({ status: 'failed', rc: 2, lastCounter: 9 });
    expect(stageOutcome({ kind: 'finished', rc: 130 }, { ...facts, stopSent: true })).toEqual({ status: 'canceled', rc: 130, lastCounter: 9 });
    expect(stageOutcome({ kind: 'finished', rc: 0 }, { ...facts, stopSent: true })).toMatchObject({ status: 'successful' });
    expect(stageOutcome({ kind: 'gone' }, facts)).toEqual({ status: 'missing', rc: null, lastCounter: 9 });
    expect(stageOutcome({ kind: 'gone' }, { ...facts, stopSent: true })).toMatchObject({ status: 'canceled', rc: null });
    expect(stageOutcome({ kind: 'finished', rc: 143 }, { ...facts, timedOut: true, stopSent: true })).toEqual({ status: 'timeout', rc: 143, lastCounter: 9 });
    expect(stageOutcome({ kind: 'aborted' }, { ...facts, timedOut: true })).toEqual({ status: 'timeout', rc: null, lastCounter: 9 });
  });
});

describe('watchdogTick', () => {
  const base = { now: 10_000, lastActivity: 5_000, idleMs: 6_000, cancelRequested: false, timedOut: false };
  it('times out only after idleMs without an event, and stops on a cancel or a timeout', () => {
    expect(watchdogTick(base)).toEqual({ timedOut: false, stop: false });
    expect(watchdogTick({ ...base, now: 11_000 })).toEqual({ timedOut: true, stop: true });
    expect(watchdogTick({ ...base, cancelRequested: true, now: 11_000 })).toEqual({ timedOut: false, stop: true });
    // once timed out it stays so (the stop goes on to SIGKILL) even after a late event
    expect(watchdogTick({ ...base, timedOut: true, lastActivity: 9_999 })).toEqual({ timedOut: true, stop: true });
  });
});
