/**
 * Integration: day-2 operations on real lab hosts (useLab(6), the `lab` profile, the taskbox the first;
 * labN below is the N-th leased host, whatever its name),
 * through POST /api/installs/:id/operations and the runner, one install carried through every
 * operation in order (one file, combined cases, to keep the suite short):
 *   install 4 hosts → add lab5+lab6 with a failure injected on lab6 → retry failed → remove lab6
 *   (a master refused, wrong confirmations refused, config edits refused while it runs) → add lab6
 *   again, failing → Abandon → uninstall with lab5 stopped (listed as not cleaned, the install is
 *   uninstalled all the same) → lab5 back, retry failed cleans it → leftovers check → a new install
 *   on the same hosts.
 * The stand-in state is read on each host's private filesystem (lab/private-fs.ts).
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labFault } from '@/lab/faults';
import { useLab } from '@/lab/fixture';
import { hostFsPath } from '@/lab/private-fs';
import type { LabHostState } from '@/lab/state';
import { POST as operationsRoute } from '@/app/api/installs/[id]/operations/route';
import { POST as retryRoute } from '@/app/api/runs/[id]/retry/route';
import { getDb } from '../db';
import { parseStoredConfig } from '../installs/parse-stored-config';
import { updateInstall } from '../installs/update-install';
import { startPreflight, waitForPreflight } from '../preflight/run-preflight';
import { getPreflightRun } from '../preflight/get-preflight';
import { createRun } from '../runner/create-run';
import { labConfig } from '../runner/test-support/lab-config';
import { createTaskboxInstall, finished, logOf } from '../runner/test-support/taskbox-lab';
import { trustLabHostKeys } from '../runner/test-support/trust-lab-keys';
import { adminCookie, callRoute } from '../test-support/api-client';
import { getClusterView } from './get-cluster-view';

const SHARED = path.resolve(import.meta.dirname, '../../../shared/upstream/ansible-2.7.6-py27.tar.gz');
const haveShared = fs.existsSync(SHARED);
if (!haveShared) console.warn(`operations.lab.test: SKIPPED — ${SHARED} is absent (Ansible 2.7.6 for the lab taskbox comes from ../shared/upstream)`);

const lab = useLab(6);
let cookie = '';
let installId = '';
const NAME = 'day2-cluster';

/**
 * Stops every stand-in listener and deletes every stand-in state dir on the lab hosts, so each run
 * of this file starts from clean hosts (a failed earlier run, or the last case's new install, leaves them).
 */
function cleanLabState(): void {
  for (const h of lab.hosts) {
    const root = hostFsPath(h.name, '/tmp/ksw-lab-state');
    const listeners = path.join(root, 'listeners');
    for (const f of fs.existsSync(listeners) ? fs.readdirSync(listeners) : []) {
      const pid = Number(fs.readFileSync(path.join(listeners, f), 'utf8'));
      const cmd = pid > 1 && fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
      if (cmd.includes('lab-apiserver.py')) process.kill(pid, 'SIGTERM');
    }
    fs.rmSync(root, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  cookie = await adminCookie();
  cleanLabState();
});

afterAll(() => {
  if (lab.hosts.length > 0) cleanLabState();
});

const hostsUpTo = (n: number): LabHostState[] => lab.hosts.slice(0, n);
/** The name of the n-th leased host (1-based): the lease may not start at lab1. */
const L = (n: number): string => lab.host(n - 1).name;
const sorted = (names: string[]) => [...names].sort();
const stateDir = (host: string, ...rest: string[]) => hostFsPath(host, path.posix.join('/tmp/ksw-lab-state', installId, ...rest));
const nodeList = (): string[] => {
  const dir = stateDir(lab.host(0).name, '_cluster/nodes');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};
const configHosts = async () => parseStoredConfig(await getDb().install.findUniqueOrThrow({ where: { id: installId } })).hosts.map((h) => h.name);
const nodeNotes = async () =>
  Object.fromEntries((await getDb().node.findMany({ where: { installId }, orderBy: { name: 'asc' } })).map((n) => [n.name, n.stateNote ?? '']));
const nodeStates = async () =>
  Object.fromEntries(
    (await getDb().node.findMany({ where: { installId }, orderBy: { name: 'asc' } })).map((n) => [n.name, `${n.state}${n.joinedAt ? '+joined' : ''}`]),
  );
const runCount = () => getDb().run.count({ where: { installId } });

function operate(body: Record<string, unknown>) {
  return callRoute(operationsRoute, { method: 'POST', cookie, params: { id: installId }, path: `/api/installs/${installId}/operations`, body });
}

async function operateOk(body: Record<string, unknown>) {
  const r = await operate(body);
  expect(r.status, r.text).toBe(202);
  return finished((r.json as { runId: string }).runId);
}

/** The config with the first `n` lab hosts (the 4-host install's hosts keep their lines). */
async function saveHosts(n: number): Promise<void> {
  await updateInstall(installId, { config: labConfig(lab.state, hostsUpTo(n)), draft: true });
  await trustLabHostKeys(installId, lab.state, hostsUpTo(n));
}

async function preflight(): Promise<Awaited<ReturnType<typeof getPreflightRun>>> {
  const id = await startPreflight(installId, {});
  await waitForPreflight(id);
  return getPreflightRun(id);
}

function listening(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: address, port, timeout: 2000 });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.once('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}

describe.skipIf(!haveShared)('day-2 operations on lab hosts', () => {
  it('installs 4 hosts, then adds 2 workers: a failure on one new host, retry failed finishes it; only the new hosts are prepared', async () => {
    installId = await createTaskboxInstall(lab.state, hostsUpTo(4), NAME);
    const install = await finished(await createRun(installId, {}));
    expect(install.status, await logOf(install.id)).toBe('succeeded');
    expect(nodeList()).toEqual(sorted([L(1), L(2), L(3), L(4)]));
    // the stand-in apiserver certificate on each master, read over SSH: one year ahead
    const certs = (await getClusterView(installId, { certificates: true })).certificates ?? [];
    expect(certs.map((c) => [c.host, c.status])).toEqual([
      [L(1), 'ok'],
      [L(2), 'ok'],
      [L(3), 'ok'],
    ]);
    expect(certs.every((c) => (c.daysLeft ?? 0) >= 364)).toBe(true);
    const oldEnv = fs.statSync(stateDir(L(2), L(2), 'environment')).mtimeMs;

    // a renamed node is refused at its field while the cluster exists
    const renamed = labConfig(lab.state, hostsUpTo(4));
    renamed.hosts[3] = { ...renamed.hosts[3], name: `${L(4)}b` } as (typeof renamed.hosts)[number];
    await expect(updateInstall(installId, { config: renamed, draft: true })).rejects.toThrow(L(4));

    await saveHosts(6);
    expect((await preflight()).status).not.toBe('failed');
    // the host checks leave the cluster's nodes as the install left them (node state comes from runs)
    const notes = await nodeNotes();
    for (const n of [L(1), L(2), L(3), L(4)]) expect(notes[n], n).toMatch(/^installed by run /);
    expect((await operate({ kind: 'add-nodes' })).status).toBe(422); // not confirmed
    const added = await operateOk({ kind: 'add-nodes', confirm: true, acknowledgeWarnings: true, extraVars: { lab_fail_at: `scale:${L(6)}` } });
    expect(added.status).toBe('failed');
    expect(added.operation).toBe('add-nodes');
    expect(added.stages.find((s) => s.name === 'init')?.hosts.map((h) => h.name)).toEqual([L(5), L(6)]);
    expect(
      added.stages
        .find((s) => s.name === 'scale')
        ?.hosts.filter((h) => h.status === 'failed')
        .map((h) => h.name),
    ).toEqual([L(6)]);
    expect((await nodeStates())[L(1)]).toBe('ready+joined');
    expect(added.abandon).toEqual([L(5), L(6)]);

    const retry = await callRoute(retryRoute, {
      method: 'POST',
      cookie,
      params: { id: added.id },
      path: `/api/runs/${added.id}/retry`,
      body: { mode: 'failed' },
    });
    expect(retry.status, retry.text).toBe(202);
    const retried = await finished((retry.json as { runId: string }).runId);
    expect(retried.status, await logOf(retried.id)).toBe('succeeded');
    expect(retried.stages.map((s) => [s.name, s.hosts.length === 6 ? 'all' : s.hosts.map((h) => h.name).join(',')])).toEqual([
      ['scale', L(6)],
      ['kubesphere-scale', 'all'],
    ]);
    expect(nodeList()).toEqual(sorted([L(1), L(2), L(3), L(4), L(5), L(6)]));
    expect(Object.values(await nodeStates()).every((s) => s === 'ready+joined')).toBe(true);
    expect(fs.statSync(stateDir(L(2), L(2), 'environment')).mtimeMs).toBe(oldEnv); // init never ran on the old hosts
  }, 600_000);

  it('removes a worker (typed name); a master and wrong confirmations are refused and run nothing', async () => {
    const before = await runCount();
    const master = await operate({ kind: 'remove-node', hosts: [L(1)], confirm: L(1) });
    expect(master.status).toBe(422);
    expect(master.text).toMatch(new RegExp(`${L(1)} is a master: the 2\\.x bundle has no supported flow`));
    expect((await operate({ kind: 'remove-node', hosts: [L(6)], confirm: L(5) })).status).toBe(422);
    expect((await operate({ kind: 'remove-node', hosts: [L(6)] })).status).toBe(422);
    expect((await operate({ kind: 'uninstall', confirm: 'not-the-name' })).status).toBe(422);
    expect(await runCount()).toBe(before);

    const started = await operate({ kind: 'remove-node', hosts: [L(6)], confirm: L(6) });
    expect(started.status, started.text).toBe(202);
    // while it runs, the config cannot change: 409 naming the run
    await expect(updateInstall(installId, { config: labConfig(lab.state, hostsUpTo(5)), draft: true })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/^Run \d+ is removing a worker on this install/) as unknown,
    });
    const removed = await finished((started.json as { runId: string }).runId);
    expect(removed.status, await logOf(removed.id)).toBe('succeeded');
    expect(nodeList()).not.toContain(L(6));
    expect(await configHosts()).toEqual([L(1), L(2), L(3), L(4), L(5)]);
    expect(fs.existsSync(stateDir(L(6), L(6)))).toBe(false);
  }, 300_000);

  it('a failed add, abandoned, leaves the cluster exactly as it was before (node list, config, node states)', async () => {
    const before = { list: nodeList(), config: await configHosts(), states: await nodeStates() };
    await saveHosts(6);
    expect((await preflight()).status).not.toBe('failed');
    const failed = await operateOk({ kind: 'add-nodes', confirm: true, acknowledgeWarnings: true, extraVars: { lab_fail_at: `kubesphere-scale:${L(6)}` } });
    expect(failed.status).toBe('failed');
    expect(nodeList()).toContain(L(6)); // it got as far as registering
    const abandoned = await operateOk({ kind: 'remove-node', hosts: failed.abandon, confirm: failed.abandon.join(',') });
    expect(abandoned.status, await logOf(abandoned.id)).toBe('succeeded');
    expect({ list: nodeList(), config: await configHosts(), states: await nodeStates() }).toEqual(before);
  }, 300_000);

  it('uninstalls with a host down: it is listed as not cleaned and the install is uninstalled; retry failed cleans it; the leftovers check passes', async () => {
    const down = lab.host(4).name;
    await labFault('stop', down);
    const done = await operateOk({ kind: 'uninstall', confirm: NAME });
    expect(done.status).toBe('failed'); // honest: one host was not cleaned
    expect(
      done.stages
        .find((s) => s.name === 'reset')
        ?.hosts.filter((h) => h.status !== 'succeeded')
        .map((h) => h.name),
    ).toEqual([down]);
    for (const h of hostsUpTo(4)) {
      expect(fs.existsSync(hostFsPath(h.name, '/tmp/ksw-lab-state')), h.name).toBe(false);
      expect(await listening(h.address, 16443), `${h.name} listener`).toBe(false);
    }
    expect(fs.existsSync(stateDir(down, down)), `${down} keeps its stand-in state`).toBe(true);
    expect((await getDb().install.findUniqueOrThrow({ where: { id: installId } })).status).toBe('uninstalled');
    const listed = (await getClusterView(installId)).uninstall;
    expect(listed?.hosts.map((h) => [h.host, h.result])).toEqual([...hostsUpTo(4).map((h) => [h.name, 'cleaned']), [down, 'unreachable']]);
    expect(listed?.hosts[4]?.words).toMatch(/not cleaned: Ansible could not reach it/);
    expect((await operate({ kind: 'uninstall', confirm: NAME })).status).toBe(409); // no cluster left to uninstall

    await labFault('start', down);
    const retry = await callRoute(retryRoute, {
      method: 'POST',
      cookie,
      params: { id: done.id },
      path: `/api/runs/${done.id}/retry`,
      body: { mode: 'failed' },
    });
    expect(retry.status, retry.text).toBe(202);
    const cleaned = await finished((retry.json as { runId: string }).runId);
    expect(cleaned.status, await logOf(cleaned.id)).toBe('succeeded');
    expect(cleaned.stages.map((s) => [s.name, s.hosts.map((h) => h.name).join(',')])).toEqual([['reset', down]]);
    for (const h of hostsUpTo(5)) expect(fs.existsSync(hostFsPath(h.name, '/tmp/ksw-lab-state')), h.name).toBe(false);
    expect((await getClusterView(installId)).uninstall?.hosts.every((h) => h.result === 'cleaned')).toBe(true);
    expect(await runCount()).toBeGreaterThan(5); // the history stays
    const history = await getClusterView(installId);
    expect(history.operations.map((o) => o.operation).reverse()).toEqual([
      'install',
      'add-nodes',
      'add-nodes',
      'remove-node',
      'add-nodes',
      'remove-node',
      'uninstall',
      'uninstall',
    ]);
    expect(history.certificates).toBeNull();
    // the finished uninstall started the host checks itself: their leftovers check passes on every host
    const checked = await getDb().preflightRun.findFirstOrThrow({
      where: { installId, startedAt: { gte: new Date(cleaned.finishedAt ?? 0) } },
      orderBy: { startedAt: 'desc' },
    });
    await waitForPreflight(checked.id);
    const checks = await getPreflightRun(checked.id);
    for (const h of checks.hosts) expect(h.checks.find((c) => c.id === 'leftovers')?.status, h.name).toBe('pass');

    // a cleaned host installs again (one host is enough to show it: the install stages are the 4-host
    // install's); its stand-in certificate expires in 10 days: the cluster page warns
    const again = await createTaskboxInstall(lab.state, hostsUpTo(1), `${NAME}-again`);
    const run = await finished(await createRun(again, { extraVars: { lab_cert_days: 10 } }));
    expect(run.status, await logOf(run.id)).toBe('succeeded');
    const view = await getClusterView(again, { certificates: true });
    expect(view.certificates?.map((c) => [c.host, c.status])).toEqual([[L(1), 'warn']]);
    expect(view.certificates?.[0]?.message).toMatch(/expire on \d{4}-\d\d-\d\d, in (9|10) days: renew them/);
    expect(view.nodes.map((n) => [n.name, n.state, n.joined])).toEqual([[L(1), 'ready', true]]);
  }, 400_000);
});
