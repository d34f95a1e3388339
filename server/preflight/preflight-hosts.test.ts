import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultHost } from '@/lib/config/defaults';
import type { InstallConfig } from '@/lib/config/schema';
import { PROFILES } from '../installer-profiles/profiles';
import { HOST_CHECKS, INSTALLER_MACHINE_CHECKS } from './checks';
import { installerBundleCheck } from './checks/bundle';
import { judgeTaskboxReach, taskboxReachCheck } from './checks/taskbox';
import { parseGatherOutput } from './parse/facts';
import { parseProbes } from './parse/misc';
import { installerNameClash, preflightHosts } from './preflight-hosts';
import { probeTargetsFor } from './probe-targets';
import { externalInstallerHost, isExternalInstaller, isTaskbox, taskboxLoginProblem, taskboxOf } from './taskbox';
import { bundleFacts, looked, taskboxFacts } from './testing/taskbox-facts';
import { toRunView } from './view';

/** Two cluster hosts (no taskbox) and the installer on 10.0.0.9:2200 outside the cluster. */
function config(): InstallConfig {
  const c = defaultConfig();
  c.installer.machine = {
    kind: 'external',
    address: '10.0.0.9',
    port: 2200,
    user: 'ops',
    auth: { kind: 'password', password: { set: true, value: 'pw' } },
    becomePassword: { set: true, value: 'pw' },
  };
  c.hosts = [
    defaultHost({ name: 'master1', address: '10.0.0.1', ip: '10.0.0.1', roles: { master: true, etcd: true, worker: false } }),
    defaultHost({ name: 'node1', address: 'node1.example', ip: '10.0.0.4', port: 2222, roles: { master: false, etcd: false, worker: true } }),
  ];
  c.loadBalancer = { kind: 'external', address: '10.0.0.100', port: 6443, domain: 'lb.kubesphere.local' };
  return c;
}

function installer(c: InstallConfig) {
  const h = externalInstallerHost(c);
  if (!h) throw new Error('no external installer');
  return h;
}

describe('the installer machine outside the cluster, as preflight checks it', () => {
  it('is the taskbox, named installer, with its login and no role or internal IP; no cluster host is', () => {
    const c = config();
    const h = installer(c);
    expect(h).toMatchObject({
      name: 'installer',
      address: '10.0.0.9',
      port: 2200,
      user: 'ops',
      ip: '',
      taskbox: false,
      roles: { master: false, etcd: false, worker: false },
    });
    expect(taskboxOf(c)?.name).toBe('installer');
    expect(isTaskbox(h, c)).toBe(true);
    expect(isExternalInstaller(h, c)).toBe(true);
    for (const host of c.hosts) expect([isTaskbox(host, c), isExternalInstaller(host, c)]).toEqual([false, false]);
    expect(taskboxLoginProblem({ ...h, auth: { kind: 'password', password: { set: false } } })).toBe(
      'The wizard has no SSH login to the installer machine: the installer bundle is checked and run there over SSH, so it needs one.',
    );
  });

  it('a taskbox host is no external installer, and then preflight checks the cluster hosts only', () => {
    const c = config();
    c.installer.machine = { kind: 'taskbox' };
    const [first] = c.hosts;
    if (first) first.taskbox = true;
    expect(externalInstallerHost(c)).toBeUndefined();
    expect(first && [isTaskbox(first, c), isExternalInstaller(first, c)]).toEqual([true, false]);
    expect(preflightHosts(c).map((h) => [h.name, h.installerMachine])).toEqual([
      ['master1', undefined],
      ['node1', undefined],
    ]);
  });

  it('preflight checks the cluster hosts, then the installer machine (flagged)', () => {
    expect(preflightHosts(config()).map((h) => [h.name, h.installerMachine])).toEqual([
      ['master1', undefined],
      ['node1', undefined],
      ['installer', true],
    ]);
  });

  it('a cluster host named installer clashes with it', () => {
    const c = config();
    expect(installerNameClash(c)).toBeUndefined();
    c.hosts.push(defaultHost({ name: 'installer', address: '10.0.0.5', ip: '10.0.0.5', roles: { master: false, etcd: false, worker: true } }));
    expect(installerNameClash(c)).toMatch(
      /^A host of the cluster is named "installer", the name the wizard gives the installer machine .*rename that host in the Hosts step\.$/,
    );
    c.installer.machine = { kind: 'taskbox' };
    expect(installerNameClash(c)).toBeUndefined();
  });

  it("probes only every cluster host's SSH port: no etcd, apiserver, load balancer or storage target", () => {
    const c = config();
    c.storage.nfs = { enabled: true, isDefault: true, server: '10.0.0.50', path: '/srv' };
    expect(probeTargetsFor(installer(c), c)).toEqual([
      { target: '10.0.0.1:22', purpose: 'ssh', label: 'SSH of master1 10.0.0.1:22' },
      { target: 'node1.example:2222', purpose: 'ssh', label: 'SSH of node1 node1.example:2222' },
    ]);
    // the cluster hosts probe as before, and nothing of the installer machine
    expect(probeTargetsFor(c.hosts[1] ?? installer(c), c).map((t) => t.purpose)).toEqual(['etcd', 'master', 'lb', 'storage', 'storage']);
  });

  it("gets the taskbox's checks only, worded for the installer machine", () => {
    const c = config();
    const h = installer(c);
    expect(INSTALLER_MACHINE_CHECKS.map((x) => x.id)).toEqual(['installer-bundle', 'installer-ansible', 'taskbox-ssh', 'installer-disk']);
    expect(INSTALLER_MACHINE_CHECKS.every((x) => HOST_CHECKS.includes(x))).toBe(true);
    const raw = 'ksw-probe: line 1: /dev/tcp/10.0.0.1/22: Connection refused';
    const reach = judgeTaskboxReach(h, c, parseProbes(raw, ['10.0.0.1:22', 'node1.example:2222']), raw);
    expect(reach?.message).toMatch(
      /^The installer machine cannot open the SSH port of master1 \(10\.0\.0\.1:22: connection refused .*\); node1 \(node1\.example:2222: no answer/,
    );
    expect(reach?.hint).toContain('allow TCP to the SSH port from the installer machine');
    expect(reach?.evidence).toMatch(/^TCP connects from the installer machine:\n/);
    const facts = parseGatherOutput('', true);
    facts.probes = parseProbes('probe 10.0.0.1:22 0 open\nprobe node1.example:2222 0 open', ['10.0.0.1:22', 'node1.example:2222']);
    expect(taskboxReachCheck.run({ host: h, config: c, facts, minimums: 'enforce' as const })).toMatchObject({
      status: 'pass',
      message: 'The installer machine reaches the SSH port of 2 hosts.',
    });

    const profile = PROFILES['kubesphere-2.0.2'];
    const ctx = { host: h, config: c, facts, minimums: 'enforce' as const };
    c.installer.bundlePath = '/opt/ks';
    expect(installerBundleCheck.run({ ...ctx, taskbox: looked(taskboxFacts({ bundle: bundleFacts(profile, { root: 'missing' }) })) })).toMatchObject({
      status: 'fail',
      message: 'No installer bundle on the installer machine at /opt/ks (bundlePath).',
      hint: expect.stringMatching(
        /^Unpack the KubeSphere 2\.0\.2 bundle on the installer machine at \/opt\/ks, or set the path where it is unpacked on the installer machine in /,
      ),
    });
    expect(installerBundleCheck.run({ ...ctx, host: c.hosts[0] ?? h })).toBeUndefined();
  });
});

describe('a preflight run view', () => {
  it('flags the installer machine row from what the run recorded', () => {
    const c = config();
    const targets = preflightHosts(c).map((h) => ({
      name: h.name,
      address: h.address,
      port: h.port,
      ip: h.ip,
      roles: h.roles,
      ...(h.installerMachine ? { installerMachine: true } : {}),
    }));
    const run = { id: 'r1', installId: 'i1', status: 'running', hostsJson: JSON.stringify(targets), startedAt: new Date(0), finishedAt: null };
    const view = toRunView(run, [{ seq: 1, host: 'installer', checkId: 'ssh', status: 'pass', message: 'ok', hint: null, evidence: null, durationMs: 3 }]);
    expect(view.hosts.map((h) => [h.name, h.installerMachine, h.status])).toEqual([
      ['master1', undefined, 'pending'],
      ['node1', undefined, 'pending'],
      ['installer', true, 'pass'],
    ]);
  });
});
