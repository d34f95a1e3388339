/**
 * A re-check of some hosts against the real (SQLite) database: preflight rows as a full check and
 * then a re-check of one host store them (logins fingerprinted from the install's stored secrets,
 * as run-preflight.ts records them), read back through GET /api/installs/:id/preflight/latest and
 * the install gate. No host is contacted: the taskbox has no recorded host key, so where the gate
 * gets past the checks it stops at the installer bundle's look, before any SSH connection.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getLatest } from '@/app/api/installs/[id]/preflight/latest/route';
import { getDb } from '../db';
import { createInstall } from '../installs/create-install';
import { getInstall } from '../installs/get-install';
import { resolveSecrets } from '../installs/resolve-secrets';
import { updateInstall } from '../installs/update-install';
import { labPasswordLogin, newLabConfig } from '../lab/lab-hosts-config';
import { checkInstallGate } from '../install-gate/check-install-gate';
import { adminCookie, callRoute } from '../test-support/api-client';
import { useFreshDatabase } from '../test-support/fresh-db';
import { checkedTargets } from './login-fingerprint';
import type { PreflightRunView } from './view';

useFreshDatabase();
let cookie = '';
beforeAll(async () => {
  cookie = await adminCookie();
});

const HOSTS = ['m1', 'm2', 'w1'];

async function newInstall(name: string): Promise<string> {
  const config = newLabConfig(
    HOSTS.map((h, i) => ({ name: h, address: `127.0.0.${231 + i}`, port: 1 })),
    labPasswordLogin('ops', 'picture-Sw0rdfish'),
    'hosts-ini',
  );
  config.loadBalancer = { kind: 'external', address: '127.0.0.231', port: 6443, domain: 'lb.kubesphere.local' };
  return (await createInstall({ name, config })).id;
}

let startedAt = Date.now() - 3_600_000;

/** Stores a finished preflight run of `hosts` (as they are configured now) with `results` [host, check, status]. */
async function storeRun(installId: string, hosts: string[], results: [string, string, string][]): Promise<string> {
  const config = await resolveSecrets(installId);
  const targets = checkedTargets(
    installId,
    config.hosts.filter((h) => hosts.includes(h.name)),
  );
  const worst = results.some((r) => r[2] === 'fail') ? 'failed' : results.some((r) => r[2] === 'warn') ? 'warned' : 'passed';
  startedAt += 60_000;
  const run = await getDb().preflightRun.create({
    data: { installId, status: worst, hostsJson: JSON.stringify(targets), startedAt: new Date(startedAt), finishedAt: new Date(startedAt + 2_000) },
  });
  let seq = 0;
  for (const [host, checkId, status] of results) {
    await getDb().preflightResult.create({ data: { runId: run.id, seq: ++seq, host, checkId, status, message: `${checkId}: ${status}` } });
  }
  return run.id;
}

const fullCheck = (installId: string, failing: string[] = []) =>
  storeRun(installId, HOSTS, [
    ...HOSTS.map((h): [string, string, string] => [h, 'ssh', failing.includes(h) ? 'fail' : 'pass']),
    ['*', 'unique-hostnames', 'pass'],
  ]);

async function latest(installId: string): Promise<PreflightRunView> {
  const res = await callRoute(getLatest, { cookie, params: { id: installId } });
  expect(res.status).toBe(200);
  return res.json as PreflightRunView;
}

describe('a re-check of one host updates the latest picture', () => {
  it('GET latest shows every host (the re-checked one as re-checked) and keeps the cluster section', async () => {
    const id = await newInstall('picture-view');
    await fullCheck(id, ['m2']);
    const recheck = await storeRun(id, ['m2'], [['m2', 'ssh', 'pass']]);
    const view = await latest(id);
    expect(view.runId).toBe(recheck);
    expect(view.hosts.map((h) => [h.name, h.status])).toEqual([
      ['m1', 'pass'],
      ['m2', 'pass'],
      ['w1', 'pass'],
    ]);
    expect(view.cluster.checks.map((c) => c.id)).toEqual(['unique-hostnames']);
    expect(view.status).toBe('passed');
    expect(view.combined?.newestHosts).toEqual(['m2']);
  });

  it('the gate takes a full check plus a re-check as covering every host: past coverage and checks', async () => {
    const id = await newInstall('picture-gate');
    await fullCheck(id, ['m2']);
    expect((await checkInstallGate(id, true)).code).toBe('checks-failed');
    const recheck = await storeRun(id, ['m2'], [['m2', 'ssh', 'pass']]);
    const gate = await checkInstallGate(id, true);
    expect(gate).toMatchObject({ preflightRunId: recheck, preflightStatus: 'passed', hostsChanged: [], failing: [] });
    // the next condition: the installer bundle on the taskbox (no host key recorded here)
    expect(gate.code).toBe('installer-bundle');
  });

  it('a re-check that finds a new failure on one host is a failure of the picture', async () => {
    const id = await newInstall('picture-gate-fail');
    await fullCheck(id);
    await storeRun(id, ['w1'], [['w1', 'ssh', 'fail']]);
    const gate = await checkInstallGate(id, true);
    expect(gate).toMatchObject({ code: 'checks-failed', failing: [{ host: 'w1', checks: ['ssh'] }] });
  });

  it('a changed login is covered by a re-check of that host with it, and by nothing older', async () => {
    const id = await newInstall('picture-login');
    await fullCheck(id);
    const { config } = await getInstall(id);
    const m2 = config.hosts.find((h) => h.name === 'm2');
    if (!m2) throw new Error('no m2');
    m2.auth = { kind: 'password', password: { set: true, value: 'a-new-Sw0rdfish' } };
    await updateInstall(id, { config, draft: true });
    expect(await checkInstallGate(id, true)).toMatchObject({ code: 'login-changed', loginChanged: ['m2'] });
    await storeRun(id, ['m2'], [['m2', 'ssh', 'pass']]);
    expect((await checkInstallGate(id, true)).code).toBe('installer-bundle');
  });
});
