/**
 * Integration: install runs on a lab taskbox (lab1 of useLab(6)), real sshd hosts with private
 * filesystems, the `lab` profile: the lab bundle on lab1, its bootstrap installing Ansible 2.7.6 on
 * Python 2.7 (from ../shared/upstream), the taskbox logged in to as the non-root lab user (sudo with
 * password). Order matters inside this file (one install, a chain of runs).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useLab } from '@/lab/fixture';
import { hostFsPath } from '@/lab/private-fs';
import { getDb } from '../db';
import { loadEnv, resetEnvCache } from '../env';
import { filesUnder } from '../test-support/files-under';
import { cancelRunById } from './cancel-run';
import { createRun, retryRun } from './create-run';
import { SHIPPED_DIR } from '../installer-profiles/profiles';
import { reconcileRuns } from './reconcile-runs';
import { createRedactor } from './redact';
import { getRunView } from './run-view';
import { stagePaths, TASKBOX_ROOT } from './taskbox/layout';
import { parseEventLine } from './taskbox/parse-event-line';
import { createTaskboxInstall, dropSshSessions, finished, hostProcesses, logOf, stubLocalAnsible, waitFor } from './test-support/taskbox-lab';
import { translateEvent } from './translate-event';

const SHARED = path.resolve(import.meta.dirname, '../../../shared/upstream/ansible-2.7.6-py27.tar.gz');
const haveShared = fs.existsSync(SHARED);
if (!haveShared) console.warn(`run-taskbox.lab.test: SKIPPED — ${SHARED} is absent (Ansible 2.7.6 for the lab taskbox comes from ../shared/upstream)`);

const lab = useLab(6);
let installId = '';
const spawned: number[] = [];
const taskbox = () => lab.host(0);

afterAll(() => {
  for (const pid of spawned) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

/** The DB's lines of each stage equal what its events file on the taskbox says, in order, once. */
async function expectLinesMatchEvents(runId: string): Promise<void> {
  const redact = createRedactor([lab.state.password]);
  for (const s of await getDb().stage.findMany({ where: { runId, name: { not: 'write-config' } } })) {
    const file = hostFsPath(taskbox().name, stagePaths(s.id).events);
    const events = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((l) => {
        const p = parseEventLine(l);
        return p.ok ? [p.event] : [];
      });
    expect(events.map((e) => e.counter)).toEqual(events.map((_, i) => i + 1));
    const expected = events.flatMap((ev) => translateEvent(ev).lines.map(redact));
    const got = (await getDb().logLine.findMany({ where: { runId, stage: s.name, kind: 'line' }, orderBy: { seq: 'asc' } })).map((l) => l.text);
    expect(got.length).toBeGreaterThan(10);
    expect(got).toEqual(expected);
  }
  const seqs = (await getDb().logLine.findMany({ where: { runId }, orderBy: { seq: 'asc' }, select: { seq: true } })).map((l) => l.seq);
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
}

/** With the stage dirs kept on the taskbox (KSW_KEEP_STAGE_DIRS=1): `runId`'s log must equal its events files. */
async function expectRunMatchesEvents(start: () => Promise<string>): Promise<void> {
  process.env.KSW_KEEP_STAGE_DIRS = '1';
  resetEnvCache();
  try {
    const runId = await start();
    const view = await finished(runId);
    expect(view.status, await logOf(runId)).toBe('succeeded');
    await expectLinesMatchEvents(runId);
    for (const st of await getDb().stage.findMany({ where: { runId } }))
      fs.rmSync(hostFsPath(taskbox().name, stagePaths(st.id).dir), { recursive: true, force: true });
  } finally {
    delete process.env.KSW_KEEP_STAGE_DIRS;
    resetEnvCache();
  }
}

const midKubernetes = (runId: string) =>
  waitFor(
    async () => getDb().stage.findFirst({ where: { runId, name: 'kubernetes', status: 'running', lastEventCounter: { gt: 5 } } }),
    120_000,
    'the kubernetes stage to be mid-way',
  );

describe.skipIf(!haveShared)('install runs on the taskbox (Ansible 2.7.6, non-root taskbox login)', () => {
  it('a full lab install succeeds on lab1 with the pinned Ansible; nothing runs on the wizard machine', async () => {
    installId = await createTaskboxInstall(lab.state, lab.hosts, 'taskbox-2.7');
    const stubs = stubLocalAnsible();
    let runId: string;
    try {
      runId = await createRun(installId, {});
      const view = await finished(runId);
      expect(view.status, await logOf(runId)).toBe('succeeded');
      expect(view.stages.map((s) => [s.name, s.status])).toEqual([
        ['prepare', 'succeeded'],
        ['write-config', 'succeeded'],
        ['init', 'succeeded'],
        ['kubernetes', 'succeeded'],
        ['kubesphere', 'succeeded'],
        ['verify', 'succeeded'],
      ]);
      expect(stubs.calls()).toEqual([]);
      const log = await logOf(runId, 100_000);
      expect(log).toMatch(/running the bundle's bootstrap|Ansible 2\.7\.6 \(pinned: 2\.7\.6\) is installed/);
      const phases = await getDb().logLine.findMany({ where: { runId, kind: 'phase' }, orderBy: { seq: 'asc' } });
      expect(phases.map((p) => p.text)).toEqual(['phase: preinstall', 'phase: etcd', 'phase: master', 'phase: network', 'phase: apps']);
      expect((await getDb().install.findUnique({ where: { id: installId } }))?.status).toBe('installed');
      expect((await getDb().node.findMany({ where: { installId } })).every((n) => n.state === 'ready')).toBe(true);
    } finally {
      stubs.restore();
    }
    // what the stages left is on lab1's private filesystem, not on the wizard's machine
    const bundle = hostFsPath(taskbox().name, '/opt/ks-lab-installer');
    expect(fs.readFileSync(path.join(bundle, 'conf/hosts.ini'), 'utf8')).toMatch(new RegExp(`^${taskbox().name}\\s+ansible_connection=local`, 'm'));
    expect(fs.readFileSync(path.join(bundle, 'k8s/inventory/my_cluster/hosts.ini'), 'utf8')).toBe(fs.readFileSync(path.join(bundle, 'conf/hosts.ini'), 'utf8'));
    // the files the bundle shipped are kept once, before the first write
    expect(fs.readFileSync(path.join(bundle, SHIPPED_DIR, 'conf/vars.yml'), 'utf8')).toBe(fs.readFileSync('lab/installer/conf/vars.yml', 'utf8'));
    expect(fs.readFileSync(path.join(bundle, SHIPPED_DIR, 'conf/hosts.ini'), 'utf8')).toBe(fs.readFileSync('lab/installer/conf/hosts.ini', 'utf8'));
    expect(fs.readdirSync(path.join(bundle, 'logs')).some((f) => /^Install\[\d{4}-\d\d-\d\d~\d\d:\d\d:\d\d\]\.log$/.test(f))).toBe(true);
    const state = hostFsPath(taskbox().name, `/tmp/ksw-lab-state/${installId}/${taskbox().name}`);
    for (const marker of ['environment', 'hosts', 'kubelet.joined', 'kubesphere.node']) expect(fs.existsSync(path.join(state, marker)), marker).toBe(true);
    expect(fs.existsSync(`/tmp/ksw-lab-state/${installId}`)).toBe(false);
    expect(fs.existsSync('/opt/ks-lab-installer/conf/hosts.ini')).toBe(false);
    expect(fs.existsSync(hostFsPath(lab.host(1).name, `/tmp/ksw-lab-state/${installId}/${taskbox().name}`))).toBe(false);
    // this run's stage dirs are gone from the taskbox
    const left = fs.readdirSync(hostFsPath(taskbox().name, `${TASKBOX_ROOT}/s`));
    expect((await getDb().stage.findMany({ where: { runId } })).filter((st) => left.includes(st.id))).toEqual([]);
  }, 400_000);

  let failedRunId = '';
  it('an injected failure fails that stage on that host with the task error', async () => {
    const bad = lab.host(1).name;
    failedRunId = await createRun(installId, { extraVars: { lab_fail_at: `kubesphere:${bad}` } });
    const view = await finished(failedRunId);
    expect(view.status).toBe('failed');
    const ks = view.stages.find((s) => s.name === 'kubesphere');
    expect(ks?.status).toBe('failed');
    const badHost = ks?.hosts.find((h) => h.name === bad);
    expect(badHost?.error?.stderr).toContain('address already in use');
    expect(badHost?.error?.known?.id).toBe('port-in-use');
    expect(ks?.hosts.filter((h) => h.status === 'failed').map((h) => h.name)).toEqual([bad]);
    expect(view.stages.find((s) => s.name === 'verify')?.status).toBe('cancelled');
  }, 240_000);

  it('retry-failed runs only the failed stage on the failed host; resume then completes; a stage re-runs', async () => {
    const retryId = await retryRun(failedRunId, { mode: 'failed' });
    const view = await finished(retryId);
    expect(view.status, await logOf(retryId)).toBe('succeeded');
    expect(view.stages.map((s) => s.name)).toEqual(['kubesphere']);
    expect(view.stages[0]?.hosts.map((h) => h.name)).toEqual([lab.host(1).name]);
    const hostsInLog = await getDb().logLine.findMany({ where: { runId: retryId, host: { not: null } }, select: { host: true } });
    expect(new Set(hostsInLog.map((l) => l.host))).toEqual(new Set([lab.host(1).name]));
    const resumeId = await retryRun(failedRunId, { mode: 'resume' });
    const resumed = await finished(resumeId);
    expect(resumed.status, await logOf(resumeId)).toBe('succeeded');
    // resume finishes the install: the retry already did kubesphere on the failed host
    expect(resumed.stages.map((s) => [s.name, s.hosts.length])).toEqual([['verify', 6]]);
    expect((await getDb().install.findUniqueOrThrow({ where: { id: installId } })).status).toBe('installed');
    const stageId = await retryRun(failedRunId, { mode: 'stage', stage: 'verify' });
    const again = await finished(stageId);
    expect(again.status, await logOf(stageId)).toBe('succeeded');
    expect(again.stages.map((s) => [s.name, s.hosts.length])).toEqual([['verify', 6]]);
  }, 300_000);

  it('cancel stops the stage on the taskbox and leaves none of its processes there', async () => {
    const runId = await createRun(installId, { stages: ['init', 'kubernetes'], extraVars: { lab_silent_seconds: 60 } });
    const stage = await waitFor(async () => getDb().stage.findFirst({ where: { runId, status: 'running', pid: { not: null } } }), 60_000, 'a running stage');
    const dir = stagePaths(stage.id).dir;
    await waitFor(async () => (await hostProcesses(taskbox())).some((p) => p.cmd.includes('sleep 60')), 60_000, 'the silent task on the hosts');
    expect((await hostProcesses(taskbox())).filter((p) => p.cmd.includes(`${dir}/`)).length).toBeGreaterThan(0);
    await cancelRunById(runId);
    const view = await finished(runId, 60_000);
    expect(view.status).toBe('cancelled');
    expect(view.stages.find((s) => s.name === 'init')?.status).toBe('cancelled');
    await waitFor(async () => (await hostProcesses(taskbox())).every((p) => !p.cmd.includes(dir)), 20_000, 'every process of the stage to exit');
  }, 240_000);

  it('a stage silent for longer than KSW_STAGE_IDLE_TIMEOUT is stopped and fails saying why', async () => {
    process.env.KSW_STAGE_IDLE_TIMEOUT = '6';
    resetEnvCache();
    try {
      const runId = await createRun(installId, { stages: ['init'], extraVars: { lab_silent_seconds: 60 } });
      const view = await finished(runId, 120_000);
      expect(view.status).toBe('failed');
      const row = await getDb().stage.findFirstOrThrow({ where: { runId } });
      expect(row.error).toMatch(/^no output for 6 s \(KSW_STAGE_IDLE_TIMEOUT\), so the stage was stopped/);
      await waitFor(async () => (await hostProcesses(taskbox())).every((p) => !p.cmd.includes(stagePaths(row.id).dir)), 20_000, 'the stage processes to exit');
    } finally {
      delete process.env.KSW_STAGE_IDLE_TIMEOUT;
      resetEnvCache();
    }
  }, 240_000);

  it("the wizard's SSH sessions to the taskbox dropped mid-stage: the stage goes on, every line once", async () => {
    await expectRunMatchesEvents(async () => {
      const runId = await createRun(installId, { stages: ['init', 'kubernetes'] });
      await midKubernetes(runId);
      expect(await dropSshSessions(taskbox())).toBeGreaterThan(0);
      return runId;
    });
  }, 300_000);

  it('the wizard SIGKILLed mid-stage and restarted: the stage is re-attached; every line once', async () => {
    await expectRunMatchesEvents(async () => {
      const runId = await createRun(installId, { stages: ['init', 'kubernetes'] }, { drive: false });
      const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('server/runner/test-support/drive-run-child.ts'), runId], {
        stdio: 'ignore',
        env: { ...process.env },
      });
      if (child.pid) spawned.push(child.pid);
      await midKubernetes(runId);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      expect((await reconcileRuns()).resumed).toContain(runId);
      return runId;
    });
  }, 300_000);

  it("no secret value is in the DB, the API views, the data dir or anywhere on the taskbox's private filesystem", async () => {
    const secret = lab.state.password;
    await getDb().$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(await getDb().logLine.count({ where: { text: { contains: secret } } })).toBe(0);
    expect(await getDb().stageHost.count({ where: { errorJson: { contains: secret } } })).toBe(0);
    for (const run of await getDb().run.findMany({ where: { installId } })) expect(JSON.stringify(await getRunView(run.id))).not.toContain(secret);
    const holding = (root: string) => filesUnder(root).filter((p) => fs.statSync(p).size < 50_000_000 && fs.readFileSync(p).includes(Buffer.from(secret)));
    expect(holding(loadEnv().dataDir)).toEqual([]);
    for (const top of ['/opt', '/root', '/tmp', '/var/tmp', '/home', TASKBOX_ROOT]) expect(holding(hostFsPath(taskbox().name, top)), top).toEqual([]);
  }, 120_000);
});
