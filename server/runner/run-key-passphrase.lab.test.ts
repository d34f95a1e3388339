/**
 * Integration: hosts that log in with a passphrase-protected private key (`auth.kind: 'key'`), on a
 * lab taskbox (useLab(2): the first is the taskbox, logged in to as ROOT with the key; the other as
 * the lab user with the key and sudo password), the `lab-core` profile (the taskbox's Debian
 * ansible-core): a full install. The wizard logs in to the taskbox with the key (ssh2 opens it); the
 * key the taskbox's Ansible uses goes to the stage's secret dir there already unlocked (run-files.ts:
 * ssh never prompts; answering the prompt hung the stage).
 *
 * Secrets are never printed: every "is it anywhere?" check collects WHERE a secret was found
 * (a row id, a file path, the name of a view) and compares that list with [].
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '@/lib/config/schema';
import { useLab } from '@/lab/fixture';
import { useFreshDatabase } from '../test-support/fresh-db';
import { getDb } from '../db';
import { getInstall } from '../installs/get-install';
import { listInstalls } from '../installs/list-installs';
import { renderInstallFile } from '../installs/render-install-files';
import { createRun } from './create-run';
import { readLogPage } from './read-log';
import { createRedactor } from './redact';
import { runDirOf, unlockKeyFile } from './run-files';
import { getRunner } from './runner';
import { getRunView, listRuns } from './run-view';
import { hostFsPath } from '@/lab/private-fs';
import { cancelRunById } from './cancel-run';
import { TASKBOX_ROOT } from './taskbox/layout';
import { createTaskboxInstall } from './test-support/taskbox-lab';
import { filesUnder } from '../test-support/files-under';

const dbFile = useFreshDatabase();
const lab = useLab(2);

interface NamedSecret {
  name: string;
  value: string;
}

let privateKey = '';
let secrets: NamedSecret[] = [];

beforeAll(() => {
  // ssh must prove the passphrase path, not find the key in an agent the test runner inherited.
  delete process.env.SSH_AUTH_SOCK;
  privateKey = fs.readFileSync(lab.state.keyWithPassphrasePath, 'utf8');
  // The run writes the key unlocked: its text differs from the locked one and is a secret too.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-key-'));
  fs.copyFileSync(lab.state.keyWithPassphrasePath, path.join(scratch, 'key'));
  fs.chmodSync(path.join(scratch, 'key'), 0o600);
  expect(unlockKeyFile(path.join(scratch, 'key'), lab.state.keyPassphrase, path.join(scratch, 'askpass'))).toBeUndefined();
  const unlockedKey = fs.readFileSync(path.join(scratch, 'key'), 'utf8');
  fs.rmSync(scratch, { recursive: true, force: true });
  const linesOf = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length >= 16 && !l.startsWith('-----'));
  secrets = [
    { name: 'key passphrase', value: lab.state.keyPassphrase },
    { name: 'private key', value: privateKey.trim() },
    ...linesOf(privateKey).map((value, i) => ({ name: `private key line ${i + 1}`, value })),
    { name: 'unlocked private key', value: unlockedKey.trim() },
    ...linesOf(unlockedKey).map((value, i) => ({ name: `unlocked private key line ${i + 1}`, value })),
    { name: 'sudo password', value: lab.state.password },
  ];
  expect(lab.state.keyPassphrase.length).toBeGreaterThan(4);
  expect(linesOf(privateKey).length).toBeGreaterThan(2);
  expect(unlockedKey).not.toBe(privateKey);
});

// A failing test must not leave its detached stage running on the taskbox.
afterAll(async () => {
  for (const r of await getDb().run.findMany({ where: { status: { in: ['queued', 'running'] } } })) {
    await cancelRunById(r.id).catch(() => undefined);
    await getRunner().settled(r.id);
  }
});

/** Names of the secrets found in `text` (never the secrets themselves). */
function secretsIn(text: string | Buffer): string[] {
  const buf = typeof text === 'string' ? Buffer.from(text) : text;
  return secrets.filter((s) => buf.includes(Buffer.from(s.value))).map((s) => s.name);
}

function hitsIn(where: string, text: string | Buffer): string[] {
  return secretsIn(text).map((name) => `${name} in ${where}`);
}

/** Every file under `dir` (symlinks not followed) that holds a secret, as "secret in path". */
function hitsInDir(dir: string): string[] {
  return filesUnder(dir).flatMap((p) => hitsIn(path.relative(dir, p), fs.readFileSync(p)));
}

function keyLogin(hosts: Host[], passphrase: string): Host[] {
  return hosts.map((h) => ({
    ...h,
    user: h.taskbox ? 'root' : lab.state.user,
    auth: { kind: 'key', privateKey: { set: true, value: privateKey }, passphrase: { set: true, value: passphrase } },
    becomePassword: { set: true, value: lab.state.password },
  }));
}

async function createKeyInstall(name: string, passphrase: string): Promise<string> {
  return createTaskboxInstall(lab.state, lab.hosts, name, (config) => {
    config.hosts = keyLogin(config.hosts, passphrase);
    // etcd needs an odd member count: one master + etcd, one worker.
    config.hosts.forEach((h, i) => (h.roles = { master: i === 0, etcd: i === 0, worker: i > 0 }));
    config.loadBalancer = { kind: 'none' };
    config.installer = { ...config.installer, profile: 'lab-core' };
  });
}

async function finished(runId: string, ms: number) {
  const end = Date.now() + ms;
  for (;;) {
    const r = await getDb().run.findUnique({ where: { id: runId } });
    if (r && ['succeeded', 'failed', 'cancelled', 'interrupted'].includes(r.status)) break;
    if (Date.now() > end) throw new Error(`run ${runId} did not finish within ${ms} ms (a passphrase prompt left unanswered?)`);
    await new Promise((res) => setTimeout(res, 200));
  }
  await getRunner().settled(runId);
  const view = await getRunView(runId);
  if (!view) throw new Error('run vanished');
  return view;
}

/** On failure only: the stored (redacted) log tail, redacted once more with this file's secrets. */
async function explain(runId: string): Promise<string> {
  const redact = createRedactor(secrets.map((s) => s.value));
  const lines = await getDb().logLine.findMany({ where: { runId }, orderBy: { seq: 'desc' }, take: 40 });
  return redact(
    lines
      .reverse()
      .map((l) => `${l.stage} ${l.host ?? '-'} ${l.text}`)
      .join('\n'),
  );
}

/** Nothing of the run's stages is left: no unlocked key on the wizard's disk, no stage dir on the taskbox. */
async function expectStageSecretsRemoved(runId: string): Promise<void> {
  const keysDir = path.join(runDirOf(runId), 'keys');
  expect(fs.existsSync(keysDir) ? fs.readdirSync(keysDir) : []).toEqual([]);
  const stages = hostFsPath(lab.host(0).name, `${TASKBOX_ROOT}/s`);
  const left = fs.existsSync(stages) ? fs.readdirSync(stages) : [];
  expect((await getDb().stage.findMany({ where: { runId } })).filter((s) => left.includes(s.id)).map((s) => s.name)).toEqual([]);
}

/** Secrets found on the taskbox's private filesystem (the bundle, the stage dirs, homes, tmp). */
function hitsOnTaskbox(): string[] {
  return ['/opt', '/root', '/tmp', '/var/tmp', '/home', TASKBOX_ROOT].flatMap((top) => {
    const dir = hostFsPath(lab.host(0).name, top);
    return fs.existsSync(dir) ? hitsInDir(dir).map((h) => `${h} (taskbox ${top})`) : [];
  });
}

describe('hosts that log in with a passphrase-protected key', () => {
  let installId = '';

  it('a full install succeeds: root login to the taskbox, key + sudo to the other host', async () => {
    installId = await createKeyInstall('key-passphrase', lab.state.keyPassphrase);
    const runId = await createRun(installId, {});
    const view = await finished(runId, 240_000);
    if (view.status !== 'succeeded') console.log(await explain(runId));
    expect(view.status).toBe('succeeded');
    const init = view.stages.find((s) => s.name === 'init');
    expect(init?.status).toBe('succeeded');
    expect(init?.hosts.map((h) => [h.name, h.status, h.unreachable, h.failed])).toEqual(lab.hosts.map((h) => [h.name, 'succeeded', 0, 0]));
    expect(init?.hosts.every((h) => h.ok > 0)).toBe(true);
    expect(view.stages.map((s) => s.status)).toEqual(view.stages.map(() => 'succeeded'));
    await expectStageSecretsRemoved(runId);
  }, 300_000);

  it('the passphrase and the key appear nowhere: DB rows, DB file, API views, run dirs, the taskbox', async () => {
    const db = getDb();
    const hits: string[] = [];
    const runs = await db.run.findMany({ where: { installId } });
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      hits.push(...hitsIn(`run ${run.id}`, JSON.stringify(run)));
      for (const l of await db.logLine.findMany({ where: { runId: run.id } })) hits.push(...hitsIn(`log line ${l.seq}`, JSON.stringify(l)));
      for (const s of await db.stage.findMany({ where: { runId: run.id }, include: { hosts: true } }))
        hits.push(...hitsIn(`stage ${s.name}`, JSON.stringify(s)));
      hits.push(...hitsIn('GET /api/runs/:id', JSON.stringify(await getRunView(run.id))));
      hits.push(...hitsIn('GET /api/runs/:id/log', JSON.stringify(await readLogPage(run.id, 0, 1_000_000))));
      if (fs.existsSync(runDirOf(run.id))) hits.push(...hitsInDir(runDirOf(run.id)).map((h) => `${h} (run dir)`));
    }
    hits.push(...hitsIn('GET /api/installs/:id/runs', JSON.stringify(await listRuns(installId))));
    hits.push(...hitsIn('GET /api/installs/:id', JSON.stringify(await getInstall(installId))));
    hits.push(...hitsIn('GET /api/installs', JSON.stringify(await listInstalls())));
    hits.push(...hitsIn('hosts.ini download', await renderInstallFile(installId, 'hosts.ini')));
    hits.push(...hitsIn('vars.yml download', await renderInstallFile(installId, 'vars.yml')));
    // The raw database (the install's secrets are stored encrypted, so no plain value may be in it).
    await db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    for (const f of [dbFile, `${dbFile}-wal`]) if (fs.existsSync(f)) hits.push(...hitsIn(path.basename(f), fs.readFileSync(f)));
    hits.push(...hitsOnTaskbox());
    expect(hits).toEqual([]);
  });

  it('a wrong passphrase fails the stage at once, naming the taskbox and the reason, before anything starts there', async () => {
    const badId = await createKeyInstall('key-passphrase-wrong', `${lab.state.keyPassphrase}-wrong`);
    const runId = await createRun(badId, { stages: ['init'] });
    const view = await finished(runId, 30_000);
    if (view.status !== 'failed') console.log(await explain(runId));
    expect(view.status).toBe('failed');
    const init = view.stages.find((s) => s.name === 'init');
    expect(init?.status).toBe('failed');
    expect(init?.hosts.map((h) => [h.name, h.status])).toEqual(lab.hosts.map((h) => [h.name, 'failed']));
    expect(init?.error).toBe(`the private key for ${lab.host(0).name} is encrypted and the passphrase is missing or wrong`);
    const logged = await getDb().logLine.findMany({ where: { runId, failed: true }, select: { text: true } });
    expect(logged.map((l) => l.text)).toContain(init?.error);
    // nothing was started on the taskbox: nothing could be left waiting on a prompt
    expect((await getDb().stage.findFirst({ where: { runId, name: 'init' } }))?.pid).toBeNull();
    await expectStageSecretsRemoved(runId);
    expect(fs.existsSync(runDirOf(runId)) ? hitsInDir(runDirOf(runId)) : []).toEqual([]);
    expect(hitsIn('the run view', JSON.stringify(view))).toEqual([]);
  }, 60_000);
});
