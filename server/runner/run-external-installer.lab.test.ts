/**
 * Integration: the installer on a machine OUTSIDE the cluster (`installer.machine` external), end to
 * end on real lab hosts (useLab(4): the first three are the cluster, the fourth is the installer
 * machine and in no inventory), profile `lab-core` (the installer machine's Debian ansible-core),
 * the lab bundle at its default path, which the lab puts on every host. Preflight logs in to the
 * installer machine as `installer`, records its host key (fetched without logging in, then trusted; a changed key is
 * pending until accepted) and checks the taskbox's part there only; then a real run through the
 * install gate runs on it and reaches the cluster hosts over SSH: every hosts.ini line is an SSH
 * line, and init's markers are on each cluster host's private /tmp, not on the installer machine.
 * Order matters inside this file (one install).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useLab } from '@/lab/fixture';
import { hostFsPath } from '@/lab/private-fs';
import { getDb } from '../db';
import { checkInstallConfig } from '../installs/check-install-config';
import { createInstall } from '../installs/create-install';
import { listHostKeys, trustHostKey, trustNewHostKeys } from '../preflight/host-keys';
import { getPreflightRun } from '../preflight/get-preflight';
import { startPreflight, waitForPreflight } from '../preflight/run-preflight';
import type { PreflightRunView } from '../preflight/view';
import { fingerprintOf } from '../ssh';
import { useFreshDatabase } from '../test-support/fresh-db';
import { startInstallRun } from '../install-gate/start-install-run';
import { labConfig } from './test-support/lab-config';
import { finished, logOf, stubLocalAnsible } from './test-support/taskbox-lab';

useFreshDatabase();
const lab = useLab(4);
const BUNDLE = '/opt/ks-lab-installer';
let installId = '';

const cluster = () => lab.hosts.slice(0, 3);
const installer = () => lab.host(3);

async function preflight(hosts?: string[]): Promise<PreflightRunView> {
  const runId = await startPreflight(installId, hosts ? { hosts } : {});
  await waitForPreflight(runId);
  return getPreflightRun(runId);
}

/** The fingerprint of the key the lab host serves, from the lab's known_hosts. */
function servedFingerprint(address: string): string {
  const line = fs
    .readFileSync(lab.state.knownHosts, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${address} `));
  const blob = line?.split(' ')[2];
  if (!blob) throw new Error(`no known_hosts line for ${address}`);
  return fingerprintOf(Buffer.from(blob, 'base64'));
}

const failing = (v: PreflightRunView) =>
  [...v.hosts.flatMap((h) => h.checks.map((c) => ({ ...c, host: h.name }))), ...v.cluster.checks.map((c) => ({ ...c, host: '*' }))]
    .filter((c) => c.status === 'fail')
    .map((c) => `${c.host} ${c.id}: ${c.message}`);

describe('an installer machine outside the cluster', () => {
  it("preflight checks it as 'installer' (the taskbox's part only) and records its host key; its facts stay out of the cluster checks", async () => {
    const config = labConfig(lab.state, cluster());
    for (const h of config.hosts) h.taskbox = false;
    const m = installer();
    const login = { set: true, value: lab.state.password } as const;
    config.installer = {
      profile: 'lab-core',
      bundlePath: '',
      machine: { kind: 'external', address: m.address, port: m.port, user: lab.state.user, auth: { kind: 'password', password: login }, becomePassword: login },
    };
    expect(checkInstallConfig(config).errors).toEqual([]);
    installId = (await createInstall({ name: 'external-installer', config })).id;

    // first contact: the keys are fetched (nothing sent) and shown; the operator trusts all new keys
    const probe = await preflight();
    expect(probe.hosts.map((h) => h.checks.map((c) => [c.id, c.status]))).toEqual(probe.hosts.map(() => [['ssh', 'fail']]));
    const firstKeys = await listHostKeys(installId);
    expect(firstKeys.find((k) => k.host === 'installer')).toMatchObject({
      address: `${m.address}:${m.port}`,
      state: 'new',
      fingerprint: servedFingerprint(m.address),
    });
    const shown = firstKeys.filter((k) => k.state === 'new').map(({ host, fingerprint, address }) => ({ host, fingerprint, address }));
    expect((await trustNewHostKeys(installId, shown)).trusted.sort()).toEqual([...cluster().map((h) => h.name), 'installer'].sort());

    const v = await preflight();
    expect(failing(v)).toEqual([]);
    expect(v.hosts.map((h) => [h.name, h.installerMachine])).toEqual([...cluster().map((h) => [h.name, undefined]), ['installer', true]]);
    const row = v.hosts.find((h) => h.name === 'installer');
    expect(row?.checks.map((c) => [c.id, c.status])).toEqual([
      ['ssh', 'pass'],
      ['sudo', 'pass'],
      ['installer-bundle', 'pass'],
      ['installer-ansible', 'pass'],
      ['taskbox-ssh', 'pass'],
      ['installer-disk', 'pass'],
    ]);
    expect(row?.checks.find((c) => c.id === 'installer-bundle')?.message).toBe(
      `lab stand-in bundle on the installer machine at ${BUNDLE} (the lab-core profile's default): 5 folders and 4 playbooks present.`,
    );
    expect(row?.checks.find((c) => c.id === 'taskbox-ssh')?.message).toBe('The installer machine reaches the SSH port of 3 hosts.');
    // the cluster hosts get no installer checks; the cluster-wide checks saw the three of them only
    for (const h of cluster())
      expect(v.hosts.find((x) => x.name === h.name)?.checks.some((c) => c.id.startsWith('installer-') || c.id === 'taskbox-ssh')).toBe(false);
    for (const id of ['resources-total', 'hostnames-unique']) {
      const evidence = v.cluster.checks.find((c) => c.id === id)?.evidence ?? '';
      expect(
        evidence
          .split('\n')
          .map((l) => l.split(':')[0])
          .sort(),
        id,
      ).toEqual(
        cluster()
          .map((h) => h.name)
          .sort(),
      );
    }
    expect(await getDb().node.count({ where: { installId, name: 'installer' } })).toBe(0);

    const keys = await listHostKeys(installId);
    expect(keys.find((k) => k.host === 'installer')).toMatchObject({
      address: `${m.address}:${m.port}`,
      state: 'trusted',
      fingerprint: servedFingerprint(m.address),
    });
  });

  it('a changed key of the installer machine fails its SSH check and waits, pending, until accepted', async () => {
    const real = servedFingerprint(installer().address);
    await getDb().hostKey.update({
      where: { installId_address: { installId, address: `${installer().address}:${installer().port}` } },
      data: { fingerprint: 'SHA256:an-older-key-of-that-address', trusted: true },
    });
    const v = await preflight(['installer']);
    expect(v.hosts.map((h) => h.name)).toEqual(['installer']);
    expect(v.hosts[0]?.checks.map((c) => [c.id, c.status])).toEqual([['ssh', 'fail']]);
    expect((await listHostKeys(installId)).find((k) => k.host === 'installer')).toMatchObject({ state: 'changed', pendingFingerprint: real });
    expect(await trustHostKey(installId, 'installer', real)).toMatchObject({ state: 'trusted', fingerprint: real });
  });

  it('a run through the install gate runs on it and reaches every cluster host over SSH', async () => {
    const v = await preflight();
    expect(failing(v)).toEqual([]);
    expect((await listHostKeys(installId)).map((k) => k.state)).toEqual(['trusted', 'trusted', 'trusted', 'trusted']);

    const stubs = stubLocalAnsible();
    let runId: string;
    try {
      runId = await startInstallRun(installId, { stages: ['prepare', 'write-config', 'init'], acknowledgeWarnings: true });
      const view = await finished(runId);
      expect(view.status, await logOf(runId)).toBe('succeeded');
      // write-config writes files on the installer machine only: no host of the cluster takes part
      const names = cluster()
        .map((h) => h.name)
        .sort();
      expect(view.stages.map((s) => [s.name, s.status, s.hosts.map((h) => h.name).sort()])).toEqual([
        ['prepare', 'succeeded', names],
        ['write-config', 'succeeded', []],
        ['init', 'succeeded', names],
      ]);
      expect(stubs.calls()).toEqual([]);
    } finally {
      stubs.restore();
    }

    // the conf files the stages wrote are on the installer machine: every cluster host an SSH line
    const hostsIni = fs.readFileSync(hostFsPath(installer().name, path.posix.join(BUNDLE, 'conf/hosts.ini')), 'utf8');
    expect(hostsIni).not.toMatch(/^[^#\s]\S*\s+ansible_connection=local/m);
    for (const h of cluster()) expect(hostsIni).toMatch(new RegExp(`^${h.name}\\s+ansible_host=${h.address.replace(/\./g, '\\.')}\\s`, 'm'));
    expect(hostsIni).not.toMatch(new RegExp(`^(installer|${installer().name})\\s`, 'm'));

    // init ran on each cluster host, in its own /tmp; nothing of theirs is on the installer machine
    for (const h of cluster()) {
      expect(fs.existsSync(hostFsPath(h.name, `/tmp/ksw-lab-state/${installId}/${h.name}/environment`)), h.name).toBe(true);
      expect(fs.existsSync(hostFsPath(installer().name, `/tmp/ksw-lab-state/${installId}/${h.name}`)), `${h.name} on the installer machine`).toBe(false);
    }
    const hostsInLog = await getDb().logLine.findMany({ where: { runId, host: { not: null } }, select: { host: true } });
    expect([...new Set(hostsInLog.map((l) => l.host))].sort()).toEqual(
      cluster()
        .map((h) => h.name)
        .sort(),
    );
  }, 300_000);
});
