/**
 * Integration on real lab hosts: once a lab install completes, the runner reads the stand-in admin
 * kubeconfig from the first master's private /root over SSH (non-root login, sudo with password,
 * the trusted host key) and stores it sealed; the download equals the file on the master; nothing
 * of it is in plaintext in the database file or the run's log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useLab } from '@/lab/fixture';
import { hostFsPath } from '@/lab/private-fs';
import { getDb } from '../db';
import { loadEnv } from '../env';
import { HttpError } from '../http/errors';
import { filesUnder } from '../test-support/files-under';
import { createRun } from '../runner/create-run';
import { createTaskboxInstall, finished, logOf } from '../runner/test-support/taskbox-lab';
import { downloadKubeconfig } from './download-kubeconfig';
import { getFinishView } from './finish-view';
import { openStoredKubeconfig } from './stored-kubeconfig';

const SHARED = path.resolve(import.meta.dirname, '../../../shared/upstream/ansible-2.7.6-py27.tar.gz');
const haveShared = fs.existsSync(SHARED);
if (!haveShared) console.warn(`kubeconfig.lab.test: SKIPPED — ${SHARED} is absent (Ansible 2.7.6 for the lab taskbox comes from ../shared/upstream)`);

// one host is the whole cluster: the first master is the taskbox, logged in to as the lab user (sudo with password), as in a larger lab install
const lab = useLab(1);
let installId = '';

afterAll(async () => {
  if (installId) await getDb().install.deleteMany({ where: { id: installId } });
});

/** The random part of the stand-in's client key: unique to this run's file. */
function clientKeyOf(text: string): string {
  const m = /client-key-data: (lab-[A-Za-z0-9]+)/.exec(text);
  if (!m?.[1]) throw new Error('no stand-in client key in the kubeconfig');
  return m[1];
}

describe.skipIf(!haveShared)('the kubeconfig after a complete install', () => {
  it('is read from the first master, stored encrypted, and downloads equal to the file there', async () => {
    installId = await createTaskboxInstall(lab.state, lab.hosts, 'kubeconfig');
    const before = await getFinishView(installId);
    expect(before.installed).toBe(false);
    await expect(downloadKubeconfig(installId)).rejects.toMatchObject({ status: 409 });

    const runId = await createRun(installId, {});
    const view = await finished(runId);
    expect(view.status, await logOf(runId)).toBe('succeeded');

    const master = lab.host(0).name;
    const onMaster = fs.readFileSync(hostFsPath(master, '/root/.kube/config'), 'utf8');
    expect(onMaster).toContain(`install ${installId}`);
    expect(fs.existsSync(`/root/.kube/config`) && fs.readFileSync('/root/.kube/config', 'utf8').includes(installId)).toBe(false);

    const row = await getDb().install.findUniqueOrThrow({ where: { id: installId } });
    expect(row.kubeconfigFrom).toBe(`${master}:/root/.kube/config`);
    expect(row.kubeconfigEnc).toMatch(/^v1:/);
    expect(await openStoredKubeconfig(installId)).toBe(onMaster);

    // at rest: not in the database file, nor in the log
    const key = clientKeyOf(onMaster);
    await getDb().$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    const data = filesUnder(loadEnv().dataDir);
    expect(data.some((f) => f.endsWith('.db'))).toBe(true);
    expect(data.filter((f) => fs.readFileSync(f).includes(Buffer.from(key)))).toEqual([]);
    expect(await getDb().logLine.count({ where: { runId, text: { contains: key } } })).toBe(0);
    const said = await getDb().logLine.findFirst({ where: { runId, text: { startsWith: 'kubeconfig:' } } });
    expect(said?.text).toBe(`kubeconfig: read from ${master}:/root/.kube/config and stored encrypted; download it from the run page or the wizard`);

    const finish = await getFinishView(installId);
    expect(finish).toMatchObject({
      installed: true,
      account: { user: 'admin', password: 'P@88w0rd' },
      kubeconfig: { stored: true, from: `${master}:/root/.kube/config` },
    });
    expect(finish.console?.url).toBe(`http://${lab.host(0).address}:30880`);
    expect(JSON.stringify(finish)).not.toContain(key);

    const download = await downloadKubeconfig(installId);
    expect(download.text).toBe(onMaster);
    expect(download.fileName).toBe('kubeconfig.kubeconfig');
  }, 400_000);

  it('with none stored, the download reads the first master again over SSH', async () => {
    await getDb().install.update({ where: { id: installId }, data: { kubeconfigEnc: null, kubeconfigFrom: null, kubeconfigAt: null } });
    const onMaster = fs.readFileSync(hostFsPath(lab.host(0).name, '/root/.kube/config'), 'utf8');
    expect((await downloadKubeconfig(installId)).text).toBe(onMaster);
    expect((await getDb().install.findUniqueOrThrow({ where: { id: installId } })).kubeconfigEnc).toMatch(/^v1:/);
  }, 60_000);

  it('a master without a kubeconfig is a 502 in words, not a stored empty file', async () => {
    await getDb().install.update({ where: { id: installId }, data: { kubeconfigEnc: null } });
    const file = hostFsPath(lab.host(0).name, '/root/.kube/config');
    const kept = fs.readFileSync(file);
    fs.rmSync(file);
    try {
      const err = await downloadKubeconfig(installId).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpError);
      expect((err as HttpError).status).toBe(502);
      expect((err as HttpError).message).toBe(
        `${lab.host(0).name} has no kubeconfig at /root/.kube/config or /etc/kubernetes/admin.conf: the Kubernetes stage did not finish there`,
      );
      expect((await getDb().install.findUniqueOrThrow({ where: { id: installId } })).kubeconfigEnc).toBeNull();
    } finally {
      fs.writeFileSync(file, kept, { mode: 0o600 });
    }
  }, 60_000);
});
