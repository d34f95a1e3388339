/**
 * The install's status after retries, against the real (SQLite) database and the real runner: run
 * rows as a failed install and its retries leave them, then the runner drives the retry to its end
 * (every stage of the retry already succeeded, as after a crash once its last stage finished, so
 * nothing needs the taskbox) and sets Install.status. No lab: the hosts are never contacted.
 */
import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { createInstall } from '../installs/create-install';
import { listInstalls } from '../installs/list-installs';
import { labPasswordLogin, newLabConfig } from '../lab/lab-hosts-config';
import { useFreshDatabase } from '../test-support/fresh-db';
import { loadInstallChain } from './install-chain';
import { planRun } from './plan-run';
import { PROFILES } from '../installer-profiles/profiles';
import { reconcileRuns } from './reconcile-runs';
import { getRunner } from './runner';
import { getRunView } from './run-view';

useFreshDatabase();

const HOSTS = ['m1', 'm2', 'm3'];
const STAGES = PROFILES.lab.stages.map((s) => s.name);

async function newInstall(name: string): Promise<string> {
  const config = newLabConfig(
    HOSTS.map((h, i) => ({ name: h, address: `127.0.0.${221 + i}`, port: 1 })),
    labPasswordLogin('ops', 'chain-test-Sw0rdfish'),
    'hosts-ini',
  );
  const { id } = await createInstall({ name, config });
  // the runner loads the taskbox's pinned key before driving; it never connects in these tests
  await getDb().hostKey.create({
    data: { installId: id, host: 'm1', address: '127.0.0.221:1', algorithm: 'ssh-ed25519', fingerprint: 'SHA256:chain-test', publicKey: 'AAAA', trusted: true },
  });
  return id;
}

type HostRows = Record<string, string>;
interface StageRow {
  name: string;
  status: string;
  started?: boolean;
  hosts?: HostRows;
}

const every = (status: string): HostRows => Object.fromEntries(HOSTS.map((h) => [h, status]));

async function addRun(installId: string, mode: string, status: string, stages: StageRow[], parentRunId: string | null = null): Promise<string> {
  const db = getDb();
  const run = await db.run.create({
    data: { installId, mode, status, parentRunId, startedAt: new Date(), finishedAt: status === 'running' ? null : new Date() },
  });
  let position = 0;
  for (const s of stages) {
    const started = s.started ?? true;
    const hosts = s.name === 'write-config' ? {} : (s.hosts ?? every(s.status));
    await db.stage.create({
      data: {
        runId: run.id,
        position: position++,
        name: s.name,
        playbook: '',
        status: s.status,
        startedAt: started ? new Date() : null,
        finishedAt: s.status === 'running' ? null : new Date(),
        hosts: { create: Object.entries(hosts).map(([host, hs]) => ({ host, status: hs })) },
      },
    });
  }
  // as the runner's claim leaves it while a run is under way
  if (status === 'running') await db.install.update({ where: { id: installId }, data: { status: 'installing' } });
  return run.id;
}

/** A full run that failed in Install Kubernetes on m2 (m1 and m3 got through); later stages not run. */
async function failedInKubernetes(installId: string): Promise<string> {
  const at = STAGES.indexOf('kubernetes');
  const stages: StageRow[] = STAGES.map((name, i) =>
    i < at
      ? { name, status: 'succeeded' }
      : i === at
        ? { name, status: 'failed', hosts: { m1: 'succeeded', m2: 'failed', m3: 'succeeded' } }
        : { name, status: 'cancelled', started: false },
  );
  const id = await addRun(installId, 'full', 'failed', stages);
  await getDb().install.update({ where: { id: installId }, data: { status: 'failed' } });
  return id;
}

async function drive(runId: string): Promise<void> {
  await getRunner().drive(runId);
  const run = await getDb().run.findUniqueOrThrow({ where: { id: runId } });
  expect(run.status).toBe('succeeded');
}

const statusOf = async (installId: string) => (await getDb().install.findUniqueOrThrow({ where: { id: installId } })).status;

describe('Install.status is the state of the run chain', () => {
  it('after a successful retry of the failed stage on the failed host: incomplete, not installed, not installing', async () => {
    const installId = await newInstall('chain-retry-one-stage');
    const r1 = await failedInKubernetes(installId);
    const r2 = await addRun(installId, 'failed', 'running', [{ name: 'kubernetes', status: 'succeeded', hosts: { m2: 'succeeded' } }], r1);
    await drive(r2);

    expect(await statusOf(installId)).toBe('incomplete');
    const view = await getRunView(r2);
    expect(view?.status).toBe('succeeded');
    expect(view?.chain).toMatchObject({
      status: 'incomplete',
      complete: false,
      remainingStages: ['kubesphere', 'verify'],
      stillNeeds: 'Install KubeSphere and Verify on all 3 hosts',
      thisRunDid: 'Install Kubernetes on m2',
    });
    expect(view?.chain?.progress.done).toBeLessThan(view?.chain?.progress.total ?? 0);
    // the primary action finishes the install, and says so before it runs
    expect(view?.actions.map((a) => [a.mode, a.does, a.leaves])).toEqual([['resume', 'Install KubeSphere and Verify on all 3 hosts', []]]);
    const [listed] = (await listInstalls()).filter((i) => i.id === installId);
    expect(listed).toMatchObject({ status: 'incomplete', remainingStages: 2 });
    // nodes are not ready before the chain is complete
    const ready = await getDb().node.count({ where: { installId, state: 'ready' } });
    expect(ready).toBe(0);
  });

  it('re-running only the last stage after a failure does not make the install installed', async () => {
    const installId = await newInstall('chain-rerun-verify');
    const r1 = await failedInKubernetes(installId);
    const r2 = await addRun(installId, 'stage', 'running', [{ name: 'verify', status: 'succeeded' }], r1);
    await drive(r2);
    expect(await statusOf(installId)).toBe('incomplete');
    expect((await getRunView(r2))?.chain?.remainingStages).toEqual(['kubernetes', 'kubesphere']);
  });

  it('the failed run offers "finish" (failed stage on the failed host, then the rest) and "retry failed" saying what it leaves', async () => {
    const installId = await newInstall('chain-actions');
    const r1 = await failedInKubernetes(installId);
    const view = await getRunView(r1);
    expect(view?.chain).toMatchObject({
      status: 'failed',
      remainingStages: ['kubernetes', 'kubesphere', 'verify'],
      thisRunDid: expect.stringContaining('Install Kubernetes on m1 and m3') as unknown,
    });
    expect(view?.actions.map((a) => [a.mode, a.does, a.leaves])).toEqual([
      ['resume', 'Install Kubernetes on m2, then Install KubeSphere and Verify on all 3 hosts', []],
      ['failed', 'Install Kubernetes on m2', ['Install KubeSphere', 'Verify']],
    ]);
  });

  it('a failed run plus retries that together ran every stage on every host: installed, nodes ready', async () => {
    const installId = await newInstall('chain-complete');
    const r1 = await failedInKubernetes(installId);
    const r2 = await addRun(installId, 'failed', 'succeeded', [{ name: 'kubernetes', status: 'succeeded', hosts: { m2: 'succeeded' } }], r1);
    const chain = await loadInstallChain(installId, r2);
    const plan = planRun(PROFILES.lab, HOSTS, {
      mode: 'resume',
      parent: { id: r2, status: 'succeeded', scope: null, stages: [] },
      remaining: chain?.state.remaining ?? [],
    });
    expect(plan.stages.map((s) => s.name)).toEqual(['kubesphere', 'verify']);
    const r3 = await addRun(
      installId,
      'resume',
      'running',
      plan.stages.map((s) => ({ name: s.name, status: 'succeeded' })),
      r2,
    );
    await drive(r3);
    expect(await statusOf(installId)).toBe('installed');
    expect(await getDb().node.count({ where: { installId, state: 'ready' } })).toBe(3);
    const view = await getRunView(r3);
    expect(view?.chain).toMatchObject({ complete: true, remainingStages: [], stillNeeds: '' });
    expect(view?.actions).toEqual([]);
  });

  it('an install left "installing" with nothing running gets its chain state back at boot, and the list never says installing', async () => {
    const installId = await newInstall('chain-stuck');
    const r1 = await failedInKubernetes(installId);
    await addRun(installId, 'failed', 'succeeded', [{ name: 'kubernetes', status: 'succeeded', hosts: { m2: 'succeeded' } }], r1);
    await getDb().install.update({ where: { id: installId }, data: { status: 'installing' } });
    expect((await listInstalls()).find((i) => i.id === installId)?.status).toBe('incomplete');
    await reconcileRuns();
    expect(await statusOf(installId)).toBe('incomplete');
  });
});
