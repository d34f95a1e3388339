/**
 * The internal-lb stage as the runner plans and ships it: only with an internal load balancer, right
 * before the bundle's first playbook, hostless for the cluster (retried as a whole), with its own
 * inventory of the LB hosts and its secrets only in the stage's secret/ files.
 */
import { describe, expect, it } from 'vitest';
import { seedConfig, seedInternalLbConfig } from '@/lib/config/fixtures';
import type { InstallConfig } from '@/lib/config/schema';
import { assertValid } from '@/lib/config/validate';
import { builtinPlaybookFiles } from './builtin-playbooks';
import { stageDefsOf } from './install-chain';
import { planRun, type PriorRun } from './plan-run';
import { applicableProfile, PROFILES } from '../installer-profiles/profiles';
import { internalLbStageFiles, lbPriorityOf } from './taskbox/internal-lb-files';
import { stagePaths } from './taskbox/layout';
import { renderPlaybookScript } from './taskbox/stage-script';

const HOSTS = ['master1', 'master2', 'master3', 'node1', 'node2', 'node3'];
const VRRP = 'Vr9-pass';
const LB_SSH = 'lb-ssh-secret';

function withSecrets(): InstallConfig {
  const config = seedInternalLbConfig();
  if (config.loadBalancer.kind !== 'internal') throw new Error('internal fixture');
  config.loadBalancer.vrrpPassword = { set: true, value: VRRP };
  for (const host of config.loadBalancer.hosts) host.auth = { kind: 'password', password: { set: true, value: LB_SSH } };
  const [, lb2] = config.loadBalancer.hosts;
  if (lb2) {
    lb2.user = 'ops';
    lb2.becomePassword = { set: true, value: 'ops-sudo' };
    lb2.vrrpInterface = 'eth1';
  }
  return config;
}

describe('the internal-lb stage in the plan', () => {
  const profile = PROFILES['kubesphere-2.0.2'];

  it('comes only with an internal load balancer, right before Initiate environment', () => {
    expect(applicableProfile(profile, seedConfig().loadBalancer)).toBe(profile);
    const internal = applicableProfile(profile, seedInternalLbConfig().loadBalancer);
    expect(internal.stages.map((s) => s.name)).toEqual(['prepare', 'write-config', 'internal-lb', 'init', 'kubernetes', 'kubesphere', 'verify']);
    expect(internal.stages[2]).toMatchObject({
      label: 'Build the internal load balancer',
      kind: 'internal-lb',
      playbook: 'builtin:internal-lb/internal-lb.yml',
    });
    expect(applicableProfile(internal, seedInternalLbConfig().loadBalancer)).toBe(internal);
  });

  it('has no cluster host rows (it runs on the LB hosts), counts as one step in the chain, and is retried as a whole', () => {
    const internal = applicableProfile(profile, seedInternalLbConfig().loadBalancer);
    const plan = planRun(internal, HOSTS, { mode: 'full' });
    expect(plan.stages[2]).toMatchObject({ name: 'internal-lb', hosts: [], limit: null });
    expect(stageDefsOf(internal).find((d) => d.name === 'internal-lb')).toEqual({ name: 'internal-lb', hostless: true });
    const parent: PriorRun = {
      id: 'run1',
      status: 'failed',
      scope: null,
      stages: plan.stages.map((s, i) => ({
        name: s.name,
        status: i < 2 ? 'succeeded' : i === 2 ? 'failed' : 'cancelled',
        hosts: s.hosts.map((host) => ({ host, status: i < 2 ? 'succeeded' : 'queued' })),
      })),
    };
    expect(planRun(internal, HOSTS, { mode: 'failed', parent }).stages).toEqual([
      { name: 'internal-lb', kind: 'internal-lb', playbook: 'builtin:internal-lb/internal-lb.yml', hosts: [], limit: null },
    ]);
    expect(planRun(internal, HOSTS, { mode: 'resume', parent }).stages.map((s) => s.name)).toEqual([
      'internal-lb',
      'init',
      'kubernetes',
      'kubesphere',
      'verify',
    ]);
  });
});

describe("the internal-lb stage's files", () => {
  const paths = stagePaths('stage1');
  const config = assertValid(withSecrets());
  const internal = applicableProfile(PROFILES.lab, config.loadBalancer);
  const builtin = builtinPlaybookFiles('builtin:internal-lb/internal-lb.yml', paths.dir);
  const runScript = renderPlaybookScript({ profile: internal, bundle: '/opt/b', paths, limit: null, ownInventory: paths.lbInventory }, builtin.playbook);
  const files = internalLbStageFiles({
    config,
    paths,
    runScript,
    extraVars: { ksw_run_id: 'r1' },
    knownHosts: '',
    keys: new Map(),
    builtinFiles: builtin.files,
    profile: internal,
  });
  const file = (p: string): string => {
    const found = files.find((f) => f.path === p);
    if (!found) throw new Error(`no ${p} in ${files.map((f) => f.path).join(', ')}`);
    return String(found.content);
  };

  it("runs the builtin playbook with the LB hosts' own inventory, then the secret one, and the secret vars as a file", () => {
    expect(runScript).toContain(
      `ansible-playbook -i ${paths.lbInventory} -i ${paths.secretInventory} ${paths.dir}/internal-lb/internal-lb.yml -b -e @${paths.extraVars} -e @${paths.secretVars}`,
    );
    expect(builtin.files.map((f) => f.path.slice(paths.dir.length + 1))).toEqual([
      'internal-lb/internal-lb.yml',
      'internal-lb/remove.yml',
      'internal-lb/templates/haproxy.cfg.j2',
      'internal-lb/templates/keepalived.conf.j2',
    ]);
    // a playbook at the top of the builtin folder travels alone
    expect(builtinPlaybookFiles('builtin:verify-kubesphere.yml', paths.dir).files.map((f) => f.path)).toEqual([`${paths.dir}/verify-kubesphere.yml`]);
    expect(() => builtinPlaybookFiles('builtin:../../etc/passwd', paths.dir)).toThrow(/not a builtin playbook/);
  });

  it("lists the LB hosts with their IP, interface and priority (and the profile's host vars), and the masters as backends on the profile's apiserver port", () => {
    expect(JSON.parse(file(paths.lbInventory))).toEqual({
      all: {
        hosts: {
          lb1: {
            ansible_python_interpreter: '/usr/bin/python3',
            ansible_host: '192.168.0.21',
            ansible_port: 22,
            ksw_lb_ip: '192.168.0.21',
            ksw_lb_interface: '',
            ksw_lb_priority: 150,
          },
          lb2: {
            ansible_python_interpreter: '/usr/bin/python3',
            ansible_host: '192.168.0.22',
            ansible_port: 22,
            ansible_user: 'ops',
            ksw_lb_ip: '192.168.0.22',
            ksw_lb_interface: 'eth1',
            ksw_lb_priority: 140,
          },
        },
      },
    });
    expect(lbPriorityOf(20)).toBe(1);
    expect(JSON.parse(file(paths.extraVars))).toEqual({
      ksw_run_id: 'r1',
      ksw_lb_apiserver_port: 16443,
      ksw_lb_vip: '192.168.0.10',
      ksw_lb_prefix: 24,
      ksw_lb_port: 6443,
      ksw_lb_router_id: 10,
      ksw_lb_backends: [
        { name: 'master1', ip: '192.168.0.1' },
        { name: 'master2', ip: '192.168.0.2' },
        { name: 'master3', ip: '192.168.0.3' },
      ],
    });
  });

  it('keeps every secret in the secret/ files (0600), none in run.sh, the inventory or the extra vars', () => {
    expect(JSON.parse(file(paths.secretVars))).toEqual({ ksw_lb_vrrp_password: VRRP });
    expect(JSON.parse(file(paths.secretInventory))).toEqual({
      all: { hosts: { lb1: { ansible_ssh_pass: LB_SSH }, lb2: { ansible_ssh_pass: LB_SSH, ansible_become_pass: 'ops-sudo' } } },
    });
    for (const f of files) {
      expect(f.mode).toBe(0o600);
      if (f.path.startsWith(paths.secretDir)) continue;
      expect(String(f.content), f.path).not.toMatch(new RegExp(`${VRRP}|${LB_SSH}|ops-sudo`));
    }
  });

  it('refuses an install without an internal load balancer', () => {
    expect(() =>
      internalLbStageFiles({ config: assertValid(seedConfig()), paths, runScript, extraVars: {}, knownHosts: '', keys: new Map(), builtinFiles: [] }),
    ).toThrow(/no internal load balancer/);
  });
});
