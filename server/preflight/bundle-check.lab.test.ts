/**
 * The "Installer bundle" and "Ansible on the wizard's machine" checks through the real preflight
 * path (API start → one lab host over SSH → cluster-wide checks → rows → install gate): a bundle path
 * with nothing there fails the run with that check alone and the gate refuses, naming it; the lab
 * profile's own bundle passes and the gate opens with the warnings acknowledged; the 2.0.2 profile
 * pointed at a 2.1.0 bundle fails naming both versions, and the local Ansible is judged against the
 * 2.0.2 bundle's pin.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLab } from '@/lab/fixture';
import { POST as startPreflightRoute } from '@/app/api/installs/[id]/preflight/route';
import { POST as startRunRoute } from '@/app/api/installs/[id]/runs/route';
import { createInstall } from '../installs/create-install';
import { updateInstall } from '../installs/update-install';
import { checkInstallGate } from '../runner/check-install-gate';
import { PROFILES } from '../runner/profiles';
import { labConfig } from '../runner/test-support/lab-config';
import { adminCookie, callRoute } from '../test-support/api-client';
import { useFreshDatabase } from '../test-support/fresh-db';
import { gatherAnsibleFacts } from './ansible-facts';
import { judgeAnsible } from './checks/bundle';
import { getPreflightRun } from './get-preflight';
import { waitForPreflight } from './run-preflight';
import type { PreflightRunView } from './view';

useFreshDatabase();
const lab = useLab(1);
let cookie = '';
let tmp = '';

beforeAll(async () => {
  cookie = await adminCookie();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-bundle-lab-'));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Starts the host checks as the page does (POST …/preflight) and returns the finished run. */
async function preflight(id: string): Promise<PreflightRunView> {
  const res = await callRoute(startPreflightRoute, { method: 'POST', cookie, params: { id }, body: {} });
  expect(res.status, res.text).toBe(202);
  const { runId } = res.json as { runId: string };
  await waitForPreflight(runId);
  return getPreflightRun(runId);
}

const clusterCheck = (v: PreflightRunView, id: string) => v.cluster.checks.find((c) => c.id === id);
const failingIds = (v: PreflightRunView) => [...v.hosts.flatMap((h) => h.checks), ...v.cluster.checks].filter((c) => c.status === 'fail').map((c) => c.id);

describe('preflight: the installer bundle and Ansible on the wizard machine', () => {
  let installId = '';

  it('a bundle path with nothing there fails the run with "Installer bundle" only; the gate refuses, naming it', async () => {
    const missing = path.join(tmp, 'kubesphere-all-advanced-2.0.2');
    const config = labConfig(lab.state, lab.hosts);
    config.installer.bundlePath = missing;
    installId = (await createInstall({ name: 'bundle-missing', config })).id;

    const v = await preflight(installId);
    expect(v.status).toBe('failed');
    expect(failingIds(v)).toEqual(['installer-bundle']);
    expect(clusterCheck(v, 'installer-bundle')).toMatchObject({
      title: 'Installer bundle',
      status: 'fail',
      message: `No installer bundle at ${missing} (bundlePath).`,
      hint: expect.stringMatching(/^Restore lab\/installer .* or set the path in the installer settings/),
    });
    expect(clusterCheck(v, 'ansible-local')?.status).toBe('pass');

    const gate = await checkInstallGate(installId, true);
    expect(gate).toMatchObject({ ok: false, code: 'checks-failed', failing: [{ host: 'cluster', checks: ['installer-bundle'] }] });
    expect(gate.message).toContain('cluster (Installer bundle)');
    const refused = await callRoute(startRunRoute, { method: 'POST', cookie, params: { id: installId }, body: { stages: ['write-config'], acknowledgeWarnings: true } });
    expect(refused.status, refused.text).toBe(409);
    expect((refused.json as { error: string }).error).toMatch(/^Host checks failed: cluster \(Installer bundle\)/);
  });

  it("the lab profile's own bundle passes, with the local Ansible as evidence; the gate opens once warnings are acknowledged", async () => {
    await updateInstall(installId, { config: labConfig(lab.state, lab.hosts), draft: true }); // bundlePath '' = lab/installer
    const v = await preflight(installId);
    expect(v.status).not.toBe('failed');
    expect(clusterCheck(v, 'installer-bundle')).toMatchObject({
      status: 'pass',
      message: `lab stand-in bundle at ${path.resolve('lab/installer')} (the lab profile's default): 5 folders and 4 playbooks present.`,
    });
    const ansible = clusterCheck(v, 'ansible-local');
    expect(ansible).toMatchObject({ title: "Ansible on the wizard's machine", status: 'pass', message: expect.stringMatching(/^ansible-playbook .* and ansible-runner \S+ on the wizard's machine/) });
    expect(ansible?.evidence).toMatch(/^\$ ansible-playbook --version\n/);
    expect((await checkInstallGate(installId, true)).ok).toBe(true);
  });

  it('the 2.0.2 profile on a 2.1.0 bundle fails naming both versions; the local Ansible is judged against the 2.7.6 pin', async () => {
    const bundle = path.join(tmp, 'kubesphere-all-advanced-2.1.0');
    for (const d of ['conf', 'k8s', 'kubesphere', 'preinstall', 'scripts']) fs.mkdirSync(path.join(bundle, d), { recursive: true });
    for (const f of ['preinstall/init.yml', 'k8s/cluster.yml', 'kubesphere/kubesphere.yml']) fs.writeFileSync(path.join(bundle, f), '- hosts: all\n');
    fs.writeFileSync(path.join(bundle, 'conf/vars.yml'), '# Cluster configuration\nks_version: 2.1.0\nkube_version: v1.16.7\n');
    const config = labConfig(lab.state, lab.hosts);
    config.installer = { ...config.installer, profile: 'kubesphere-2.0.2', bundlePath: bundle };
    await updateInstall(installId, { config, draft: true });

    const v = await preflight(installId);
    expect(v.status).toBe('failed');
    expect(clusterCheck(v, 'installer-bundle')).toMatchObject({
      status: 'fail',
      message: `The bundle at ${bundle} is KubeSphere 2.1.0 (conf/vars.yml ks_version) but the install is set up for 2.0.2.`,
      hint: 'Use the 2.0.2 bundle, or the installer profile that matches 2.1.0.',
    });
    const expected = judgeAnsible(PROFILES['kubesphere-2.0.2'], await gatherAnsibleFacts());
    expect(clusterCheck(v, 'ansible-local')).toMatchObject({ status: expected.status, message: expected.message });
    if (expected.status === 'warn') expect(clusterCheck(v, 'ansible-local')?.hint).toMatch(/Kubespray v2\.9/);
    expect((await checkInstallGate(installId, true)).failing).toContainEqual({ host: 'cluster', checks: expect.arrayContaining(['installer-bundle']) });
  });
});
