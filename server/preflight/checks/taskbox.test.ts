import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultHost } from '@/lib/config/defaults';
import type { Host, InstallConfig } from '@/lib/config/schema';
import { PROFILES } from '../../installer-profiles/profiles';
import { parseGatherOutput } from '../parse/facts';
import { parseProbes } from '../parse/misc';
import { probeTargetsFor } from '../probe-targets';
import { isTaskbox, taskboxOf } from '../taskbox';
import { bundleFacts } from '../testing/taskbox-facts';
import { judgeLogDisk, judgeTaskboxMarked, judgeTaskboxReach, taskboxReachCheck } from './taskbox';

function config(): InstallConfig {
  const c = defaultConfig();
  c.hosts = [
    defaultHost({
      name: 'master1',
      taskbox: true,
      address: '10.0.0.1',
      ip: '10.0.0.1',
      auth: { kind: 'password', password: { set: true } },
      roles: { master: true, etcd: true, worker: false },
    }),
    defaultHost({ name: 'master2', address: '10.0.0.2', ip: '10.0.0.2', port: 22, roles: { master: true, etcd: false, worker: false } }),
    defaultHost({ name: 'node1', address: 'node1.example', ip: '10.0.0.4', port: 2222, roles: { master: false, etcd: false, worker: true } }),
  ];
  return c;
}
const host = (c: InstallConfig, name: string): Host => {
  const h = c.hosts.find((x) => x.name === name);
  if (!h) throw new Error(name);
  return h;
};

describe('the taskbox and its SSH probes', () => {
  it("taskboxOf finds the marked host; only the taskbox probes the other hosts' SSH ports", () => {
    const c = config();
    expect(taskboxOf(c)?.name).toBe('master1');
    expect(isTaskbox(host(c, 'master2'), c)).toBe(false);
    const ssh = probeTargetsFor(host(c, 'master1'), c).filter((t) => t.purpose === 'ssh');
    expect(ssh.map((t) => t.target)).toEqual(['10.0.0.2:22', 'node1.example:2222']);
    expect(probeTargetsFor(host(c, 'master2'), c).some((t) => t.purpose === 'ssh')).toBe(false);
    // without a login the taskbox cannot be checked: no SSH probes, no reach check
    host(c, 'master1').auth = { kind: 'password', password: { set: false } };
    expect(probeTargetsFor(host(c, 'master1'), c).some((t) => t.purpose === 'ssh')).toBe(false);
    expect(taskboxReachCheck.run({ host: host(c, 'master1'), config: c, facts: parseGatherOutput('', true), minimums: 'enforce' as const })).toBeUndefined();
  });
});

describe('judgeTaskboxReach', () => {
  it('every SSH port open: pass', () => {
    const c = config();
    const probes = parseProbes('probe 10.0.0.2:22 0 open\nprobe node1.example:2222 0 open', ['10.0.0.2:22', 'node1.example:2222']);
    expect(judgeTaskboxReach(host(c, 'master1'), c, probes)).toMatchObject({ status: 'pass', message: 'The taskbox master1 reaches the SSH port of 2 hosts.' });
  });

  it('refused (sshd down) or dropped: fail naming both hosts and the fix', () => {
    const c = config();
    const raw = 'ksw-probe: line 1: /dev/tcp/10.0.0.2/22: Connection refused';
    const r = judgeTaskboxReach(host(c, 'master1'), c, parseProbes(raw, ['10.0.0.2:22', 'node1.example:2222']), raw);
    expect(r?.status).toBe('fail');
    expect(r?.message).toBe(
      "The taskbox master1 cannot open the SSH port of master2 (10.0.0.2:22: connection refused (no sshd listens on that port)); node1 (node1.example:2222: no answer within 3 s (a firewall or security group drops it)): the install's Ansible connects to every host from there.",
    );
    expect(r?.hint).toMatch(/firewall or security group must allow TCP to the SSH port from master1, and a route must exist/);
    expect(r?.evidence).toContain('raw:\nksw-probe');
  });

  it('a taskbox alone has nothing to reach', () => {
    const c = config();
    c.hosts = c.hosts.slice(0, 1);
    expect(judgeTaskboxReach(host(c, 'master1'), c, [])).toBeUndefined();
  });
});

describe('judgeLogDisk', () => {
  const KS = PROFILES['kubesphere-2.0.2'];
  it('below 1 GiB free for the logs: warn; else pass; unknown: nothing', () => {
    const low = judgeLogDisk('master1', bundleFacts(KS, { disk: { dir: '/opt/ks', availKb: 500 * 1024, mount: '/opt' } }));
    expect(low).toMatchObject({
      status: 'warn',
      message: "Only 0.5 GB free on /opt of the taskbox master1, where the installer writes its logs (/opt/ks); a full install's logs take a few hundred MB.",
    });
    expect(judgeLogDisk('master1', bundleFacts(KS))).toMatchObject({
      status: 'pass',
      message: "20 GB free on /opt of the taskbox master1 for the installer's logs (/opt/ks/logs).",
    });
    expect(judgeLogDisk('master1', bundleFacts(KS, { disk: undefined }))).toBeUndefined();
  });
});

describe('judgeTaskboxMarked', () => {
  it('no host marked as the taskbox: fail; one marked: nothing to say', () => {
    const c = config();
    expect(judgeTaskboxMarked(c)).toBeUndefined();
    for (const h of c.hosts) h.taskbox = false;
    expect(judgeTaskboxMarked(c)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^No host is the taskbox/),
      hint: expect.stringMatching(/Hosts step/),
    });
  });
});
