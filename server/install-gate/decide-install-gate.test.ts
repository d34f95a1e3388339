import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultHost } from '@/lib/config/defaults';
import type { KnownInstallHost } from '@/lib/config/cross-install-hosts';
import type { Host } from '@/lib/config/schema';
import { checkedTargets, loginFingerprintKey } from '../preflight/login-fingerprint';
import { CLUSTER_HOST, parseCheckedHosts, type ResultRow } from '../preflight/view';
import type { RunStatus } from '../preflight/types';
import { decideInstallGate, needsBundleLook, type GateFacts } from './decide-install-gate';

const key = loginFingerprintKey(randomBytes(32));
const hosts: Host[] = ['m1', 'w1'].map((name, i) =>
  defaultHost({
    name,
    address: `10.0.0.${i + 1}`,
    ip: `10.0.0.${i + 1}`,
    auth: { kind: 'password', password: { set: true, value: `pw-${name}` } },
    roles: { master: i === 0, etcd: i === 0, worker: i === 1 },
  }),
);
const now = checkedTargets('inst1', hosts, key);

let seq = 0;
const row = (host: string, checkId: string, status: 'pass' | 'warn' | 'fail'): ResultRow => ({
  seq: seq++,
  host,
  checkId,
  status,
  message: '',
  hint: null,
  evidence: null,
  durationMs: 1,
});

function facts(status: RunStatus | null, rows: ResultRow[] = [], over: Partial<GateFacts> = {}): GateFacts {
  return {
    purpose: { kind: 'install' },
    acknowledged: false,
    picture: status === null ? null : { runId: 'pf1', status, rows, checked: parseCheckedHosts(JSON.stringify(now)) },
    now,
    held: [],
    heldSecretIssues: [],
    hosts,
    otherInstallHosts: [],
    bundle: { status: 'pass', message: 'ok', hint: undefined },
    ...over,
  };
}

const other: KnownInstallHost = {
  name: 'old1',
  address: '10.0.0.2',
  ip: '10.0.0.2',
  port: 22,
  taskbox: false,
  installId: 'x',
  installName: 'prod',
  installStatus: 'installed',
  lastRunAt: '2026-11-20T00:00:00Z',
};

describe('decideInstallGate (pure)', () => {
  it('opens for a finished check that passed and covers the hosts as they are now', () => {
    expect(decideInstallGate(facts('passed'))).toMatchObject({
      ok: true,
      code: 'ok',
      okWhenAcknowledged: true,
      needsAcknowledgement: false,
      preflightRunId: 'pf1',
    });
  });

  it('refuses, in order: no check, a running check, held secrets, changed hosts', () => {
    expect(decideInstallGate(facts(null))).toMatchObject({ ok: false, code: 'no-preflight', preflightStatus: null });
    expect(decideInstallGate(facts('running'))).toMatchObject({ ok: false, code: 'preflight-running' });
    const held = decideInstallGate(
      facts('passed', [], { held: ['w1: confirm the SSH password'], heldSecretIssues: [{ path: 'hosts.1.auth.password', message: 'held' }] }),
    );
    expect(held).toMatchObject({
      ok: false,
      code: 'secrets-held',
      heldSecrets: [{ path: 'hosts.1.auth.password' }],
      message: 'Confirm the stored logins first: w1: confirm the SSH password.',
    });
    const moved = checkedTargets('inst1', [hosts[0] as Host, { ...(hosts[1] as Host), port: 2222 }], key);
    expect(decideInstallGate(facts('passed', [], { now: moved }))).toMatchObject({ ok: false, code: 'hosts-changed', hostsChanged: ['w1'] });
  });

  it('refuses failed checks, naming the hosts and checks', () => {
    const gate = decideInstallGate(facts('failed', [row('w1', 'sudo', 'fail'), row(CLUSTER_HOST, 'ntp', 'warn')]));
    expect(gate).toMatchObject({
      ok: false,
      code: 'checks-failed',
      failing: [{ host: 'w1', checks: ['sudo'] }],
      warnings: [{ host: 'cluster', checks: ['ntp'] }],
    });
    expect(gate.message).toMatch(/^Host checks failed: w1 \(.+\)\. Fix them/);
    expect(decideInstallGate(facts('failed'))).toMatchObject({ code: 'checks-failed', message: expect.stringContaining('the check run did not finish') });
  });

  it("names an internal load balancer's host as one, and refuses its failures like any host's", () => {
    const lb = {
      ...defaultHost({ name: 'lb1', address: '10.0.0.9', ip: '10.0.0.9', auth: { kind: 'password', password: { set: true, value: 'pw-lb1' } } }),
      lbHost: true as const,
    };
    const withLb = checkedTargets('inst1', [...hosts, lb], key);
    const gate = decideInstallGate(
      facts('failed', [row('lb1', 'ssh', 'fail')], {
        now: withLb,
        picture: { runId: 'pf1', status: 'failed', rows: [row('lb1', 'ssh', 'fail')], checked: parseCheckedHosts(JSON.stringify(withLb)) },
      }),
    );
    expect(gate).toMatchObject({ ok: false, code: 'checks-failed', failing: [{ host: 'lb1' }] });
    expect(gate.message).toMatch(/^Host checks failed: LB host lb1 \(/);
  });

  it('needs the acknowledgement for warnings and for hosts of another install', () => {
    const warned = facts('warned', [row('m1', 'os', 'warn')]);
    expect(decideInstallGate(warned)).toMatchObject({ ok: false, code: 'warnings-not-acknowledged', okWhenAcknowledged: true, needsAcknowledgement: true });
    expect(decideInstallGate({ ...warned, acknowledged: true })).toMatchObject({ ok: true, code: 'ok', needsAcknowledgement: true });
    const shared = facts('passed', [], { otherInstallHosts: [other] });
    expect(decideInstallGate(shared)).toMatchObject({
      ok: false,
      code: 'warnings-not-acknowledged',
      crossInstall: [expect.stringContaining('install "prod"')],
    });
    expect(decideInstallGate({ ...shared, acknowledged: true })).toMatchObject({ ok: true, crossInstall: [expect.any(String)] });
  });

  it('refuses a bundle that no longer passes, and looks at it only when the decision reaches it', () => {
    expect(decideInstallGate(facts('passed', [], { bundle: { status: 'fail', message: 'No bundle at /opt/x.', hint: 'Unpack it.' } }))).toMatchObject({
      ok: false,
      code: 'installer-bundle',
      message: 'No bundle at /opt/x. Unpack it.',
    });
    expect(needsBundleLook(facts('passed'))).toBe(true);
    expect(needsBundleLook(facts('warned'))).toBe(true);
    expect(needsBundleLook(facts('failed', [row('w1', 'sudo', 'fail')]))).toBe(false);
    expect(needsBundleLook(facts('running'))).toBe(false);
    expect(() => decideInstallGate(facts('passed', [], { bundle: null }))).toThrow(/needsBundleLook/);
  });

  describe('for a day-2 add of hosts', () => {
    const add = { purpose: { kind: 'add-nodes', targets: ['w1'] } } as const;
    it('lets failures on the existing nodes pass, not on a new host or cluster-wide', () => {
      expect(decideInstallGate(facts('failed', [row('m1', 'ports', 'fail')], add))).toMatchObject({ ok: true, code: 'ok', failing: [{ host: 'm1' }] });
      expect(decideInstallGate(facts('failed', [row('w1', 'sudo', 'fail')], add))).toMatchObject({ ok: false, code: 'checks-failed' });
      expect(decideInstallGate(facts('failed', [row(CLUSTER_HOST, 'ntp', 'fail')], add))).toMatchObject({ ok: false, code: 'checks-failed' });
      // a check run that stopped without a failing row vouches for nothing
      expect(decideInstallGate(facts('failed', [], add))).toMatchObject({ ok: false, code: 'checks-failed' });
    });
  });
});
