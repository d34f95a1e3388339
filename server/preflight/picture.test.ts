import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../install-gate/coverage';
import { latestPicture, type StoredPreflightRun } from './picture';
import type { CheckedTarget, ResultRow } from './view';

const HOSTS = ['m1', 'm2', 'w1'];
const login = (name: string, secret = 's') => ({
  user: 'root',
  address: `10.0.0.${HOSTS.indexOf(name) + 1}`,
  port: 22,
  auth: 'password' as const,
  secrets: `hmac-${name}-${secret}`,
});
const target = (name: string, secret?: string): CheckedTarget => ({
  name,
  address: `10.0.0.${HOSTS.indexOf(name) + 1}`,
  port: 22,
  ip: `10.0.0.${HOSTS.indexOf(name) + 1}`,
  roles: { master: true, etcd: true, worker: true },
  login: login(name, secret),
});

let clock = 0;
function run(id: string, status: string, hosts: (string | CheckedTarget)[], results: [string, string, string][]): StoredPreflightRun {
  clock += 60_000;
  const rows: ResultRow[] = results.map(([host, checkId, s], i) => ({
    seq: i + 1,
    host,
    checkId,
    status: s,
    message: `${checkId} ${s}`,
    hint: null,
    evidence: null,
    durationMs: 1,
  }));
  return {
    id,
    installId: 'i1',
    status,
    hostsJson: JSON.stringify(hosts.map((h) => (typeof h === 'string' ? target(h) : h))),
    startedAt: new Date(clock),
    finishedAt: status === 'running' ? null : new Date(clock + 1000),
    rows,
  };
}

/** A full check of every host: `fails` hosts fail SSH, `warns` warn on time sync; cluster checks pass. */
function full(id: string, fails: string[] = [], warns: string[] = []): StoredPreflightRun {
  return run(id, fails.length ? 'failed' : warns.length ? 'warned' : 'passed', HOSTS, [
    ...HOSTS.map((h): [string, string, string] => [h, 'ssh', fails.includes(h) ? 'fail' : 'pass']),
    ...HOSTS.map((h): [string, string, string] => [h, 'time', warns.includes(h) ? 'warn' : 'pass']),
    ['*', 'unique-hostnames', 'pass'],
  ]);
}

const recheck = (id: string, host: string, s = 'pass', status = s === 'fail' ? 'failed' : 'passed') =>
  run(
    id,
    status,
    [host],
    [
      [host, 'ssh', s],
      [host, 'time', 'pass'],
    ],
  );

describe('latestPicture', () => {
  it('a full check alone is shown as it is, without a combined note', () => {
    const p = latestPicture([full('f1')], HOSTS);
    expect(p?.view).toMatchObject({ runId: 'f1', status: 'passed' });
    expect(p?.view.combined).toBeUndefined();
    expect(p?.view.hosts.map((h) => h.status)).toEqual(['pass', 'pass', 'pass']);
    expect(p?.view.cluster.checks.map((c) => c.id)).toEqual(['unique-hostnames']);
  });

  it('re-checking one host updates that host and keeps the others and the cluster section', () => {
    const base = full('f1', ['m2']);
    const p = latestPicture([recheck('r1', 'm2'), base], HOSTS);
    expect(p?.view.runId).toBe('r1');
    expect(p?.view.hosts.map((h) => [h.name, h.status, h.checks.length])).toEqual([
      ['m1', 'pass', 2],
      ['m2', 'pass', 2],
      ['w1', 'pass', 2],
    ]);
    expect(p?.view.cluster.checks).toHaveLength(1);
    expect(p?.view.status).toBe('passed');
    expect(p?.view.combined).toMatchObject({ newestHosts: ['m2'], clusterRunId: 'f1' });
    expect(p?.view.combined?.hostRuns.map((h) => [h.host, h.runId])).toEqual([
      ['m1', 'f1'],
      ['m2', 'r1'],
      ['w1', 'f1'],
    ]);
  });

  it('the worst of the picture decides: a passing re-check of one host leaves another host failing', () => {
    const p = latestPicture([recheck('r1', 'm2'), full('f1', ['m2', 'w1'])], HOSTS);
    expect(p?.view.status).toBe('failed');
    expect(p?.rows.filter((r) => r.status === 'fail').map((r) => r.host)).toEqual(['w1']);
    const warned = latestPicture([recheck('r1', 'm2'), full('f1', [], ['m1'])], HOSTS);
    expect(warned?.view.status).toBe('warned');
  });

  it('several re-checks: each host from its newest check; a newer full check replaces them all', () => {
    const p = latestPicture([recheck('r2', 'm2', 'fail'), recheck('r1', 'm2'), recheck('r0', 'w1', 'fail'), full('f1')], HOSTS);
    expect(p?.view.hosts.map((h) => h.status)).toEqual(['pass', 'fail', 'fail']);
    const fresh = latestPicture([full('f2'), recheck('r0', 'w1', 'fail'), full('f1')], HOSTS);
    expect(fresh?.view.hosts.map((h) => h.status)).toEqual(['pass', 'pass', 'pass']);
    expect(fresh?.view.combined).toBeUndefined();
  });

  it('a re-check in progress: running, its host pending (never its older results), the others kept; live results come from it', () => {
    const live = run('r1', 'running', ['m2'], []);
    const p = latestPicture([live, full('f1', ['m2'])], HOSTS);
    expect(p?.view).toMatchObject({ runId: 'r1', status: 'running', lastSeq: 0 });
    expect(p?.view.hosts.map((h) => h.status)).toEqual(['pass', 'pending', 'pass']);
  });

  it('a re-check that stopped without a result still fails the picture', () => {
    const p = latestPicture([run('r1', 'failed', ['m2'], []), full('f1')], HOSTS);
    expect(p?.view.status).toBe('failed');
  });

  it('the gate: a full check + re-checks cover every host with its login as checked last', () => {
    // m2's password changed, then m2 was re-checked with it
    const now = HOSTS.map((h) => target(h, h === 'm2' ? 'new' : 's')).map((t) => ({ ...t, login: t.login ?? login(t.name) }));
    const onlyFull = latestPicture([full('f1')], HOSTS);
    expect(onlyFull && checkCoverage(now, onlyFull.checked)).toMatchObject({ code: 'login-changed', hosts: ['m2'] });
    const withRecheck = latestPicture([run('r1', 'passed', [target('m2', 'new')], [['m2', 'ssh', 'pass']]), full('f1')], HOSTS);
    expect(withRecheck && checkCoverage(now, withRecheck.checked)).toBeNull();
  });

  it('a host added after the full check needs checking: re-checking it completes the picture', () => {
    const hosts = [...HOSTS, 'w2'];
    const p = latestPicture([full('f1')], hosts);
    expect(p?.view.hosts.map((h) => [h.name, h.status])).toContainEqual(['w2', 'pending']);
    expect(p?.checked.names).not.toContain('w2');
    const w2: CheckedTarget = { ...target('w1'), name: 'w2' };
    const after = latestPicture([run('r1', 'passed', [w2], [['w2', 'ssh', 'pass']]), full('f1')], hosts);
    expect(after?.checked.names.sort()).toEqual([...hosts].sort());
    expect(after?.view.status).toBe('passed');
  });

  it('no runs: no picture', () => {
    expect(latestPicture([], HOSTS)).toBeNull();
  });
});
