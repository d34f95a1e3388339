/**
 * The taskbox's installer checks through the real preflight path, on lab hosts (lab1 the taskbox,
 * reached over SSH like any host; lab2 another host): the bundle at a unique temp path on the
 * taskbox, written there through SSH, so this works whether lab hosts share this machine's file
 * system or not. Nothing there fails "Installer bundle" on the taskbox row and the gate refuses;
 * placed there it passes and the gate, looking again over SSH, opens, and refuses once it is gone;
 * the version comes from the shipped copy on the taskbox; a stopped host fails "SSH from the taskbox".
 * Profile lab-core: the taskbox's Debian ansible-core is the pinned Ansible (no bootstrap).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLab } from '@/lab/fixture';
import { labFault } from '@/lab/faults';
import { createInstall } from '../installs/create-install';
import { updateInstall } from '../installs/update-install';
import { checkInstallGate } from '../install-gate/check-install-gate';
import { PROFILES, SHIPPED_DIR, type InstallerProfile } from '../installer-profiles/profiles';
import { withHost } from '../ssh';
import { useFreshDatabase } from '../test-support/fresh-db';
import { judgeBundle } from './checks/bundle';
import { gatherTaskboxFacts } from './gather-taskbox';
import { getPreflightRun } from './get-preflight';
import { startPreflight, waitForPreflight } from './run-preflight';
import { taskboxProbeSpec } from './taskbox-spec';
import { labConfig } from './testing/lab-config';
import { placeLabBundle, removeRemoteDir, uniqueRemoteDir } from './testing/remote-bundle';
import type { PreflightRunView } from './view';

useFreshDatabase();
const lab = useLab(2);
const dirs: string[] = [];
let installId = '';

function newDir(): string {
  const dir = uniqueRemoteDir();
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of dirs) await removeRemoteDir(lab.target(0), dir).catch(() => undefined);
});

async function preflight(): Promise<PreflightRunView> {
  // the operator's explicit "trust new keys": these checks are about the bundle, not the keys
  const runId = await startPreflight(installId, { trustNewKeys: true });
  await waitForPreflight(runId);
  return getPreflightRun(runId);
}

function configAt(bundlePath: string) {
  const config = labConfig(lab.state, lab.hosts, 'user-password', { taskbox: 0 });
  config.installer = { ...config.installer, profile: 'lab-core', bundlePath };
  return config;
}

const taskboxCheck = (v: PreflightRunView, id: string) => v.hosts.find((h) => h.name === lab.host(0).name)?.checks.find((c) => c.id === id);
const failing = (v: PreflightRunView) =>
  [...v.hosts.flatMap((h) => h.checks.map((c) => ({ ...c, host: h.name }))), ...v.cluster.checks.map((c) => ({ ...c, host: '*' }))]
    .filter((c) => c.status === 'fail')
    .map((c) => `${c.host} ${c.id}`);

describe('preflight on the taskbox: the installer bundle, its Ansible, SSH to the hosts', () => {
  let dir = '';
  let taskbox = '';
  beforeAll(() => {
    dir = newDir();
    taskbox = lab.host(0).name;
  });

  it('nothing at the bundle path on the taskbox: "Installer bundle" fails on the taskbox row; the gate refuses, naming it', async () => {
    installId = (await createInstall({ name: 'taskbox-bundle', config: configAt(dir) })).id;
    const v = await preflight();
    expect(v.status).toBe('failed');
    expect(failing(v)).toEqual([`${taskbox} installer-bundle`]);
    expect(taskboxCheck(v, 'installer-bundle')).toMatchObject({
      title: 'Installer bundle',
      message: `No installer bundle on the taskbox ${taskbox} at ${dir} (bundlePath).`,
      hint: expect.stringMatching(new RegExp(`^Unpack the lab stand-in bundle on ${taskbox} at ${dir}, or set the path`)),
    });
    expect(taskboxCheck(v, 'installer-ansible')).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(/\/usr\/bin\/ansible-playbook is ansible 2\.14\.\d+ .*nothing needs installing/),
    });
    expect(taskboxCheck(v, 'taskbox-ssh')).toMatchObject({ status: 'pass', message: `The taskbox ${taskbox} reaches the SSH port of 1 host.` });
    expect(v.hosts.find((h) => h.name === lab.host(1).name)?.checks.some((c) => c.id.startsWith('installer-'))).toBe(false);

    const gate = await checkInstallGate(installId, true);
    expect(gate).toMatchObject({ ok: false, code: 'checks-failed', failing: [{ host: taskbox, checks: ['installer-bundle'] }] });
    expect(gate.message).toContain(`${taskbox} (Installer bundle)`);
  });

  it('the bundle placed on the taskbox passes; the gate looks again over SSH: open, then refused once the bundle is gone', async () => {
    await placeLabBundle(lab.target(0), dir);
    const v = await preflight();
    expect(failing(v)).toEqual([]);
    expect(taskboxCheck(v, 'installer-bundle')).toMatchObject({
      status: 'pass',
      message: `lab stand-in bundle on the taskbox ${taskbox} at ${dir} (bundlePath): 5 folders and 4 playbooks present.`,
    });
    expect(taskboxCheck(v, 'installer-disk')).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(new RegExp(`free on \\S+ of the taskbox ${taskbox} for the installer's logs \\(${dir}\\)`)),
    });
    expect(taskboxCheck(v, 'installer-bundle')?.evidence).toContain('looked as: root');
    expect(await checkInstallGate(installId, true)).toMatchObject({ ok: true, code: 'ok' });

    await removeRemoteDir(lab.target(0), dir);
    const gate = await checkInstallGate(installId, true);
    expect(gate).toMatchObject({ ok: false, code: 'installer-bundle' });
    expect(gate.message).toMatch(new RegExp(`^No installer bundle on the taskbox ${taskbox} at ${dir} \\(bundlePath\\)\\.`));
  });

  it('the version is read from the shipped copy on the taskbox: another ks_version there fails though conf/vars.yml says the right one', async () => {
    // the lab profile states no version: give it the 2.0.2 bundle's version data for this look
    const profile: InstallerProfile = { ...PROFILES.lab, version: { file: 'conf/vars.yml', key: 'ks_version', expected: '2.0.2' } };
    const at = newDir();
    await placeLabBundle(lab.target(0), at, { 'conf/vars.yml': 'ks_version: 2.0.2\n', [`${SHIPPED_DIR}/conf/vars.yml`]: '# as shipped\nks_version: 2.1.0\n' });
    const lookAt = async () => withHost(lab.target(0), (s) => gatherTaskboxFacts(s, taskboxProbeSpec(profile, at, { bundleOnly: true })));
    const r = judgeBundle(profile, taskbox, { path: at, from: 'bundlePath' }, await lookAt());
    expect(r).toMatchObject({
      status: 'fail',
      message: `The bundle on the taskbox ${taskbox} at ${at} is KubeSphere 2.1.0 (${SHIPPED_DIR}/conf/vars.yml ks_version, the conf/vars.yml it shipped with) but the install is set up for 2.0.2.`,
    });
    await withHost(lab.target(0), (s) => s.exec(['rm', '--', `${at}/${SHIPPED_DIR}/conf/vars.yml`]));
    expect(judgeBundle(profile, taskbox, { path: at, from: 'bundlePath' }, await lookAt())).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(/conf\/vars\.yml says ks_version: 2\.0\.2\.$/),
    });
  });

  it('a stopped host: the taskbox cannot open its SSH port, and says so on the taskbox row', async () => {
    const other = lab.host(1);
    await updateInstall(installId, { config: configAt(newDir()), draft: true });
    await labFault('stop', other.name);
    try {
      const v = await preflight();
      expect(taskboxCheck(v, 'taskbox-ssh')).toMatchObject({
        status: 'fail',
        message: `The taskbox ${taskbox} cannot open the SSH port of ${other.name} (${other.address}:${other.port}: connection refused (no sshd listens on that port)): the install's Ansible connects to every host from there.`,
      });
    } finally {
      await labFault('restore', other.name);
    }
  });
});
