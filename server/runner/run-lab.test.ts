/**
 * Integration: real ansible-runner against real lab sshd hosts (useLab(6)), the `lab` profile.
 * Order matters inside this file (one install, a chain of runs); each test waits for its run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useLab } from '@/lab/fixture';
import { hostFsPath } from '@/lab/private-fs';
import { loadEnv, resetEnvCache } from '../env';
import { getDb } from '../db';
import { cancelRunById } from './cancel-run';
import { createRun, retryRun } from './create-run';
import { descendantsOf, isAlive } from './processes';
import { reconcileRuns } from './reconcile-runs';
import { runDirOf } from './run-files';
import { getRunner } from './runner';
import { getRunView } from './run-view';
import { createLabInstall } from './test-support/lab-install';
import { translateEvent, type JobEvent } from './translate-event';
import { EventTail } from './tail-events';
import { createRedactor } from './redact';
import { filesUnder } from '../test-support/files-under';

const lab = useLab(6);
let installId = '';
const spawnedPids: number[] = [];

async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function finished(runId: string, ms = 90_000) {
  await waitFor(async () => {
    const r = await getDb().run.findUnique({ where: { id: runId } });
    return r && ['succeeded', 'failed', 'cancelled', 'interrupted'].includes(r.status);
  }, ms, `run ${runId} to finish`);
  await getRunner().settled(runId);
  const view = await getRunView(runId);
  if (!view) throw new Error('run vanished');
  return view;
}

afterAll(async () => {
  for (const pid of spawnedPids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  // each lab host has its own /tmp: the install's state dir is one per host
  for (const h of installId ? lab.hosts : []) {
    const stateDir = hostFsPath(h.name, `/tmp/ksw-lab-state/${installId}`);
    const pidFile = path.join(stateDir, h.name, 'apiserver.pid');
    if (fs.existsSync(pidFile)) {
      const pid = Number(fs.readFileSync(pidFile, 'utf8'));
      if (pid > 1 && isAlive(pid)) process.kill(pid, 'SIGTERM');
    }
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});

describe('lab install runs', () => {
  it('a full lab install succeeds on 6 hosts', async () => {
    installId = await createLabInstall(lab.state, lab.hosts, 'runner-lab');
    const runId = await createRun(installId, {});
    const view = await finished(runId);
    if (view.status !== 'succeeded') console.log(JSON.stringify(view, null, 1).slice(0, 3000), (await getDb().logLine.findMany({ where: { runId }, take: 40, orderBy: { seq: 'desc' } })).map((l) => l.text).join('\n'));
    expect(view.error).toBeNull();
    expect(view.status).toBe('succeeded');
    expect(view.stages.map((s) => [s.name, s.status])).toEqual([
      ['write-config', 'succeeded'],
      ['init', 'succeeded'],
      ['kubernetes', 'succeeded'],
      ['kubesphere', 'succeeded'],
      ['verify', 'succeeded'],
    ]);
    const k8s = view.stages[2];
    expect(k8s?.hosts).toHaveLength(6);
    expect(k8s?.hosts.every((h) => h.status === 'succeeded' && h.ok + h.changed > 0)).toBe(true);
    const phases = await getDb().logLine.findMany({ where: { runId, kind: 'phase' }, orderBy: { seq: 'asc' } });
    expect(phases.map((p) => p.text)).toEqual(['phase: preinstall', 'phase: etcd', 'phase: master', 'phase: network', 'phase: apps']);
    expect((await getDb().install.findUnique({ where: { id: installId } }))?.status).toBe('installed');
    const nodes = await getDb().node.findMany({ where: { installId } });
    expect(nodes.every((n) => n.state === 'ready')).toBe(true);
    const runDir = runDirOf(runId);
    expect(fs.readFileSync(path.join(runDir, 'project/conf/hosts.ini'), 'utf8')).toContain('[kube-master]');
    expect(fs.existsSync(path.join(runDir, 'project/k8s/inventory/my_cluster/group_vars/k8s-cluster/k8s-cluster.yml'))).toBe(true);
    expect(fs.existsSync(path.join(runDir, 'inventory/host_vars'))).toBe(false);
  }, 120_000);

  let failedRunId = '';
  it('an injected failure fails that stage on that host with the task error', async () => {
    const bad = lab.host(1).name;
    failedRunId = await createRun(installId, { stages: ['init', 'kubesphere', 'verify'], extraVars: { lab_fail_at: `kubesphere:${bad}` } });
    const view = await finished(failedRunId);
    expect(view.status).toBe('failed');
    const ks = view.stages.find((s) => s.name === 'kubesphere');
    expect(ks?.status).toBe('failed');
    const badHost = ks?.hosts.find((h) => h.name === bad);
    expect(badHost?.status).toBe('failed');
    expect(badHost?.error?.stderr).toContain('address already in use');
    expect(badHost?.error?.known?.id).toBe('port-in-use');
    expect(badHost?.error?.task).toBe('Lab | start the stand-in service');
    expect(ks?.hosts.filter((h) => h.status === 'failed').map((h) => h.name)).toEqual([bad]);
    expect(view.stages.find((s) => s.name === 'verify')?.status).toBe('cancelled');
    const node = await getDb().node.findFirst({ where: { installId, name: bad } });
    expect(node?.state).toBe('failed');
  }, 120_000);

  it('retry-failed runs only the failed stage on the failed host and succeeds', async () => {
    const retryId = await retryRun(failedRunId, { mode: 'failed' });
    const view = await finished(retryId);
    expect(view.parentRunId).toBe(failedRunId);
    expect(view.status).toBe('succeeded');
    expect(view.stages.map((s) => s.name)).toEqual(['kubesphere']);
    expect(view.stages[0]?.hosts.map((h) => h.name)).toEqual([lab.host(1).name]);
    const lines = await getDb().logLine.findMany({ where: { runId: retryId, host: { not: null } }, select: { host: true } });
    expect(new Set(lines.map((l) => l.host))).toEqual(new Set([lab.host(1).name]));
  }, 120_000);

  it('resume re-runs the failed stage then completes the remaining stages', async () => {
    const resumeId = await retryRun(failedRunId, { mode: 'resume' });
    const view = await finished(resumeId);
    expect(view.status).toBe('succeeded');
    expect(view.stages.map((s) => [s.name, s.hosts.length])).toEqual([
      ['kubesphere', 1],
      ['verify', 6],
    ]);
  }, 120_000);

  it('cancel stops the stage process group and leaves nothing running', async () => {
    const runId = await createRun(installId, { stages: ['init', 'kubernetes'] });
    const stage = await waitFor(async () => getDb().stage.findFirst({ where: { runId, status: 'running', pid: { not: null } } }), 30_000, 'a running stage');
    const pid = stage.pid ?? -1;
    await waitFor(async () => ((await getDb().stage.findUnique({ where: { id: stage.id } }))?.lastEventCounter ?? 0) > 3, 30_000, 'events');
    const tree = descendantsOf(pid);
    expect(tree.length).toBeGreaterThan(1);
    await cancelRunById(runId);
    const view = await finished(runId, 30_000);
    expect(view.status).toBe('cancelled');
    expect(view.stages.find((s) => s.status === 'cancelled')).toBeTruthy();
    await waitFor(async () => tree.every((p) => !isAlive(p)), 15_000, 'every process of the stage to exit');
    expect(fs.existsSync(path.join(runDirOf(runId), 'inventory/host_vars'))).toBe(false);
  }, 120_000);

  it('a stage silent for longer than KSW_STAGE_IDLE_TIMEOUT is stopped and fails saying why', async () => {
    const saved = process.env.KSW_STAGE_IDLE_TIMEOUT;
    process.env.KSW_STAGE_IDLE_TIMEOUT = '4';
    resetEnvCache();
    try {
      const t0 = Date.now();
      const runId = await createRun(installId, { stages: ['init'], extraVars: { lab_silent_seconds: 30 } });
      const stage = await waitFor(async () => getDb().stage.findFirst({ where: { runId, status: 'running', pid: { not: null } } }), 30_000, 'a running stage');
      const view = await finished(runId, 60_000);
      expect(Date.now() - t0).toBeLessThan(60_000);
      expect(view.status).toBe('failed');
      const row = await getDb().stage.findUniqueOrThrow({ where: { id: stage.id } });
      expect(row.error).toMatch(/^no output for 4 s \(KSW_STAGE_IDLE_TIMEOUT\), so the stage was stopped/);
      await waitFor(async () => !isAlive(stage.pid ?? -1), 15_000, 'the stage process to exit');
    } finally {
      if (saved === undefined) delete process.env.KSW_STAGE_IDLE_TIMEOUT;
      else process.env.KSW_STAGE_IDLE_TIMEOUT = saved;
      resetEnvCache();
    }
  }, 120_000);

  it('a web server killed with SIGKILL mid-stage is re-attached on reconcile; every line is logged once', async () => {
    const runId = await createRun(installId, { stages: ['init', 'kubernetes'] }, { drive: false });
    // `node --import tsx`, not the tsx CLI: the CLI runs the script in a child node process, so a
    // SIGKILL to the CLI's pid left the "web server" alive, driving the stage next to the reconcile.
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('server/runner/test-support/drive-run-child.ts'), runId], { stdio: 'ignore', env: process.env });
    if (child.pid) spawnedPids.push(child.pid);
    const stage = await waitFor(async () => getDb().stage.findFirst({ where: { runId, name: 'kubernetes', status: 'running', lastEventCounter: { gt: 5 } } }), 60_000, 'the kubernetes stage to be mid-way');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(isAlive(stage.pid ?? -1)).toBe(true);
    const r = await reconcileRuns();
    expect(r.resumed).toContain(runId);
    const view = await finished(runId);
    expect(view.status).toBe('succeeded');
    // Compare the DB log of each stage with the job events on disk: same lines, same order, once.
    const env = loadEnv();
    expect(runDirOf(runId).startsWith(env.dataDir)).toBe(true);
    const redact = createRedactor([lab.state.password]);
    for (const s of await getDb().stage.findMany({ where: { runId, name: { not: 'write-config' } } })) {
      const tail = new EventTail(path.join(runDirOf(runId), 'artifacts', s.id), 0);
      const expected = tail.poll(true, 1_000_000).flatMap((ev: JobEvent) => translateEvent(ev).lines.map(redact));
      const got = (await getDb().logLine.findMany({ where: { runId, stage: s.name, kind: 'line' }, orderBy: { seq: 'asc' } })).map((l) => l.text);
      expect(got.length).toBeGreaterThan(10);
      expect(got).toEqual(expected);
    }
    const seqs = (await getDb().logLine.findMany({ where: { runId }, orderBy: { seq: 'asc' }, select: { seq: true } })).map((l) => l.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  }, 150_000);

  it('no secret value appears in the DB, the API views or the run dirs', async () => {
    const secret = lab.state.password;
    expect(secret.length).toBeGreaterThan(4);
    await getDb().$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    const dbFile = (process.env.DATABASE_URL ?? '').replace(/^file:/, '');
    const lines = await getDb().logLine.findMany({ where: { text: { contains: secret } } });
    expect(lines).toEqual([]);
    const rows = await getDb().stageHost.findMany({ where: { errorJson: { contains: secret } } });
    expect(rows).toEqual([]);
    for (const f of [dbFile, `${dbFile}-wal`]) if (fs.existsSync(f)) expect(fs.readFileSync(f).includes(Buffer.from(secret))).toBe(false);
    for (const run of await getDb().run.findMany({ where: { installId } })) {
      expect(JSON.stringify(await getRunView(run.id))).not.toContain(secret);
      const hits = filesUnder(runDirOf(run.id)).filter((p) => fs.readFileSync(p).includes(Buffer.from(secret)));
      expect(hits).toEqual([]);
    }
  });
});
