import { describe, expect, it } from 'vitest';
import { afterSuccess, chainOf, chainState, currentChain, type ChainRun, type ChainRunStage } from './chain-state';
import { stageDefsOf } from './install-chain';
import { planRun } from './plan-run';
import { PROFILES } from '../installer-profiles/profiles';

const profile = PROFILES.lab;
const DEFS = stageDefsOf(profile);
const NAMES = profile.stages.map((s) => s.name);
const HOSTS = ['m1', 'm2', 'w1'];

type HostOutcome = Record<string, string>;

/** A stage that ran: every host `status` unless `hosts` says otherwise. */
function ran(name: string, status: string, hosts: string[] | HostOutcome = HOSTS): ChainRunStage {
  const list =
    name === 'write-config'
      ? []
      : Array.isArray(hosts)
        ? hosts.map((host) => ({ host, status }))
        : Object.entries(hosts).map(([host, s]) => ({ host, status: s }));
  return { name, status, started: true, hosts: list };
}

function notRun(name: string, hosts: string[] = HOSTS): ChainRunStage {
  return { name, status: 'cancelled', started: false, hosts: name === 'write-config' ? [] : hosts.map((host) => ({ host, status: 'cancelled' })) };
}

let clock = 0;
function run(id: string, status: string, stages: ChainRunStage[], parentRunId: string | null = null, scope: string[] | null = null): ChainRun {
  clock += 1000;
  return { id, parentRunId, status, createdAt: clock, scope, stages };
}

/** A full run that got through every stage before `at`, failed there (host `bad` failed, others got through), and ran nothing after. */
function fullFailedAt(id: string, at: string, bad = 'm2'): ChainRun {
  const i = NAMES.indexOf(at);
  return run(
    id,
    'failed',
    NAMES.map((name, k) =>
      k < i
        ? ran(name, 'succeeded')
        : k === i
          ? ran(name, 'failed', Object.fromEntries(HOSTS.map((h) => [h, h === bad ? 'failed' : 'succeeded'])))
          : notRun(name),
    ),
  );
}

const state = (chain: ChainRun[], hosts = HOSTS) => chainState(DEFS, hosts, chain);

describe('chainState', () => {
  it('a full run that succeeded is installed', () => {
    const s = state([
      run(
        'r1',
        'succeeded',
        NAMES.map((n) => ran(n, 'succeeded')),
      ),
    ]);
    expect(s).toMatchObject({ status: 'installed', complete: true, remaining: [], activeRunId: null });
    expect(s.progress).toEqual({ done: 1 + 3 * 5, total: 1 + 3 * 5 });
  });

  it('a full run that failed in Kubernetes on one host leaves that host there and every later stage', () => {
    const s = state([fullFailedAt('r1', 'kubernetes')]);
    expect(s.status).toBe('failed');
    expect(s.remaining).toEqual([
      { stage: 'kubernetes', hosts: ['m2'] },
      { stage: 'kubesphere', hosts: HOSTS },
      { stage: 'verify', hosts: HOSTS },
    ]);
    expect(s.runs[0]?.did.map((d) => d.stage)).toEqual(['prepare', 'write-config', 'init', 'kubernetes']);
    expect(s.runs[0]?.did[3]).toEqual({ stage: 'kubernetes', status: 'failed', succeeded: ['m1', 'w1'], notSucceeded: ['m2'] });
  });

  it('after a successful retry of the failed stage on the failed host the install is incomplete, not installed', () => {
    const r1 = fullFailedAt('r1', 'kubernetes');
    const r2 = run('r2', 'succeeded', [ran('kubernetes', 'succeeded', ['m2'])], 'r1');
    const s = state([r1, r2]);
    expect(s.status).toBe('incomplete');
    expect(s.complete).toBe(false);
    expect(s.remaining.map((r) => r.stage)).toEqual(['kubesphere', 'verify']);
  });

  it('re-running only the last stage after a failure does not make the install installed', () => {
    const s = state([fullFailedAt('r1', 'kubernetes'), run('r2', 'succeeded', [ran('verify', 'succeeded')], 'r1')]);
    expect(s.status).toBe('incomplete');
    expect(s.remaining.map((r) => r.stage)).toEqual(['kubernetes', 'kubesphere']);
  });

  it('a failed run plus retries that together cover every stage on every host is installed', () => {
    const r1 = fullFailedAt('r1', 'kubernetes');
    const r2 = run('r2', 'succeeded', [ran('kubernetes', 'succeeded', ['m2'])], 'r1');
    const r3 = run('r3', 'succeeded', [ran('kubesphere', 'succeeded'), ran('verify', 'succeeded')], 'r2');
    expect(state([r1, r2, r3])).toMatchObject({ status: 'installed', complete: true, remaining: [] });
  });

  it('a resume that fails again keeps the install failed', () => {
    const r1 = fullFailedAt('r1', 'kubernetes');
    const r2 = run('r2', 'failed', [ran('kubernetes', 'failed', ['m2']), notRun('kubesphere'), notRun('verify')], 'r1');
    const s = state([r1, r2]);
    expect(s.status).toBe('failed');
    expect(s.remaining[0]).toEqual({ stage: 'kubernetes', hosts: ['m2'] });
  });

  it('is installing while a run of the chain is queued or running, whatever is left', () => {
    const r1 = fullFailedAt('r1', 'kubernetes');
    const r2 = run('r2', 'running', [{ name: 'kubernetes', status: 'running', started: true, hosts: [{ host: 'm2', status: 'running' }] }], 'r1');
    expect(state([r1, r2])).toMatchObject({ status: 'installing', activeRunId: 'r2' });
    const q = run('r3', 'queued', [{ name: 'kubernetes', status: 'queued', started: false, hosts: [{ host: 'm2', status: 'queued' }] }], 'r1');
    expect(state([r1, q])).toMatchObject({ status: 'installing', activeRunId: 'r3' });
  });

  it('the latest attempt of a stage on a host decides: a failed re-run undoes an earlier success', () => {
    const r1 = run(
      'r1',
      'succeeded',
      NAMES.map((n) => ran(n, 'succeeded')),
    );
    const r2 = run('r2', 'failed', [ran('kubernetes', 'failed', { m1: 'succeeded', m2: 'failed', w1: 'succeeded' })], 'r1');
    const s = state([r1, r2]);
    expect(s.status).toBe('failed');
    expect(s.remaining).toEqual([{ stage: 'kubernetes', hosts: ['m2'] }]);
  });

  it('stages that never started ("not run") change nothing', () => {
    const r1 = run(
      'r1',
      'succeeded',
      NAMES.map((n) => ran(n, 'succeeded')),
    );
    const r2 = run(
      'r2',
      'cancelled',
      NAMES.map((n) => notRun(n)),
      'r1',
    );
    expect(state([r1, r2]).remaining).toEqual([]);
  });

  it('a cancelled or interrupted stage is not done on its hosts', () => {
    const r1 = run('r1', 'interrupted', [
      ran('prepare', 'succeeded'),
      ran('write-config', 'succeeded'),
      ran('init', 'interrupted'),
      notRun('kubernetes'),
      notRun('kubesphere'),
      notRun('verify'),
    ]);
    const s = state([r1]);
    expect(s.status).toBe('failed');
    expect(s.remaining[0]).toEqual({ stage: 'init', hosts: HOSTS });
  });

  it('a full run of a stage subset that succeeded is incomplete, naming the stages it skipped', () => {
    const s = state([run('r1', 'succeeded', [ran('write-config', 'succeeded')])]);
    expect(s.status).toBe('incomplete');
    expect(s.remaining.map((r) => r.stage)).toEqual(['prepare', 'init', 'kubernetes', 'kubesphere', 'verify']);
    expect(s.progress).toEqual({ done: 1, total: 16 });
  });

  it('installs the hosts of the chain scope only, as far as they are still hosts of the install', () => {
    const scoped = run(
      'r1',
      'succeeded',
      NAMES.map((n) => ran(n, 'succeeded', ['m1', 'gone'])),
      null,
      ['m1', 'gone'],
    );
    const s = state([scoped]);
    expect(s.scope).toEqual(['m1']);
    expect(s.status).toBe('installed');
  });

  it('a host added to the install after the chain ran still needs every stage', () => {
    const r1 = run(
      'r1',
      'succeeded',
      NAMES.map((n) => ran(n, 'succeeded')),
    );
    const s = state([r1], [...HOSTS, 'w2']);
    expect(s.status).toBe('incomplete');
    expect(s.remaining.filter((r) => r.hosts.length > 0).every((r) => r.hosts.join() === 'w2')).toBe(true);
  });

  it('write-config is done when its latest attempt succeeded', () => {
    const r1 = run('r1', 'failed', [
      ran('prepare', 'succeeded'),
      ran('write-config', 'failed'),
      notRun('init'),
      notRun('kubernetes'),
      notRun('kubesphere'),
      notRun('verify'),
    ]);
    expect(state([r1]).remaining[0]).toEqual({ stage: 'write-config', hosts: [] });
    const r2 = run('r2', 'succeeded', [ran('write-config', 'succeeded')], 'r1');
    expect(state([r1, r2]).remaining[0]?.stage).toBe('init');
  });
});

describe('chainOf / currentChain', () => {
  const a1 = run('a1', 'failed', []);
  const a2 = run('a2', 'succeeded', [], 'a1');
  const b1 = run('b1', 'failed', []);
  const a3 = run('a3', 'failed', [], 'a2');
  const b2 = run('b2', 'succeeded', [], 'b1');
  const all = [b2, a3, a1, b1, a2];

  it('collects the root and every descendant, oldest first, whichever run it is asked about', () => {
    expect(chainOf(all, 'a3').map((r) => r.id)).toEqual(['a1', 'a2', 'a3']);
    expect(chainOf(all, 'a1').map((r) => r.id)).toEqual(['a1', 'a2', 'a3']);
    expect(chainOf(all, 'b2').map((r) => r.id)).toEqual(['b1', 'b2']);
    expect(chainOf(all, 'zz')).toEqual([]);
  });

  it("the install's current chain is the chain of its newest run", () => {
    expect(currentChain(all).map((r) => r.id)).toEqual(['b1', 'b2']);
    expect(currentChain([])).toEqual([]);
  });
});

describe('resume finishes the install (planRun with the chain)', () => {
  it('from a succeeded one-stage retry: the stages the chain still needs, on every host', () => {
    const r1 = fullFailedAt('r1', 'kubernetes');
    const r2 = run('r2', 'succeeded', [ran('kubernetes', 'succeeded', ['m2'])], 'r1');
    const { remaining } = state([r1, r2]);
    const plan = planRun(profile, HOSTS, { mode: 'resume', parent: { id: 'r2', status: 'succeeded', scope: null, stages: r2.stages }, remaining });
    expect(plan.stages.map((s) => [s.name, s.limit])).toEqual([
      ['kubesphere', null],
      ['verify', null],
    ]);
    expect(plan.parentRunId).toBe('r2');
    expect(state(afterSuccess([r1, r2], plan.stages)).status).toBe('installed');
  });

  it('from the failed run: the failed stage on the failed host, then the rest', () => {
    const r1 = fullFailedAt('r1', 'kubernetes');
    const plan = planRun(profile, HOSTS, {
      mode: 'resume',
      parent: { id: 'r1', status: 'failed', scope: null, stages: r1.stages },
      remaining: state([r1]).remaining,
    });
    expect(plan.stages.map((s) => [s.name, s.limit])).toEqual([
      ['kubernetes', ['m2']],
      ['kubesphere', null],
      ['verify', null],
    ]);
    expect(state(afterSuccess([r1], plan.stages)).complete).toBe(true);
  });

  it('retry-failed alone leaves the later stages to do', () => {
    const r1 = fullFailedAt('r1', 'kubernetes');
    const plan = planRun(profile, HOSTS, { mode: 'failed', parent: { id: 'r1', status: 'failed', scope: null, stages: r1.stages } });
    expect(state(afterSuccess([r1], plan.stages)).remaining.map((r) => r.stage)).toEqual(['kubesphere', 'verify']);
  });

  it('refuses to resume a complete chain', () => {
    const r1 = run(
      'r1',
      'succeeded',
      NAMES.map((n) => ran(n, 'succeeded')),
    );
    expect(() => planRun(profile, HOSTS, { mode: 'resume', parent: { id: 'r1', status: 'succeeded', scope: null, stages: r1.stages }, remaining: [] })).toThrow(
      /nothing to resume/,
    );
  });
});
