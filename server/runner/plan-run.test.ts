import { describe, expect, it } from 'vitest';
import { PlanError, planRun, type PriorRun } from './plan-run';
import { PROFILES, phaseOf } from '../installer-profiles/profiles';

const lab = PROFILES.lab;
const ks = PROFILES['kubesphere-2.0.2'];
const HOSTS = ['lab1', 'lab2', 'lab3'];

function parentFailedAt(stage: string): PriorRun {
  const names = lab.stages.map((s) => s.name);
  const at = names.indexOf(stage);
  return {
    id: 'run1',
    status: 'failed',
    scope: null,
    stages: names.map((name, i) => ({
      name,
      status: i < at ? 'succeeded' : i === at ? 'failed' : 'cancelled',
      hosts:
        name === 'write-config'
          ? []
          : HOSTS.map((host) => ({ host, status: i < at ? 'succeeded' : i === at ? (host === 'lab2' ? 'failed' : 'succeeded') : 'queued' })),
    })),
  };
}

describe('planRun', () => {
  it('plans every stage of the profile in order for a full run, without --limit', () => {
    const plan = planRun(ks, HOSTS, { mode: 'full' });
    expect(plan.stages.map((s) => s.name)).toEqual(['prepare', 'write-config', 'init', 'kubernetes', 'kubesphere', 'verify']);
    expect(plan.stages.map((s) => s.playbook)).toEqual([
      '',
      '',
      'preinstall/init.yml',
      'k8s/cluster.yml',
      'kubesphere/kubesphere.yml',
      'builtin:verify-kubesphere.yml',
    ]);
    // prepare pings every host from the taskbox: it has host rows; write-config has none
    expect(plan.stages[0]).toMatchObject({ hosts: HOSTS, limit: null });
    expect(plan.stages[2]).toMatchObject({ hosts: HOSTS, limit: null });
    expect(plan.stages[1].hosts).toEqual([]);
    expect(plan.scope).toBeNull();
  });
  it('keeps profile order for a stage subset and limits to the requested hosts', () => {
    const plan = planRun(lab, HOSTS, { mode: 'full', stages: ['verify', 'init'], hosts: ['lab3', 'lab1'] });
    expect(plan.stages.map((s) => s.name)).toEqual(['init', 'verify']);
    expect(plan.stages[0].limit).toEqual(['lab1', 'lab3']);
    expect(plan.scope).toEqual(['lab1', 'lab3']);
  });
  it('rejects unknown stages and hosts', () => {
    expect(() => planRun(lab, HOSTS, { mode: 'full', stages: ['nope'] })).toThrow(PlanError);
    expect(() => planRun(lab, HOSTS, { mode: 'full', hosts: ['lab9'] })).toThrow(/unknown host/);
  });
  it('retry-failed re-runs only the failed stage on the failed host', () => {
    const plan = planRun(lab, HOSTS, { mode: 'failed', parent: parentFailedAt('kubernetes') });
    expect(plan.parentRunId).toBe('run1');
    expect(plan.stages).toEqual([{ name: 'kubernetes', kind: 'playbook', playbook: 'k8s/cluster.yml', hosts: ['lab2'], limit: ['lab2'] }]);
  });
  it('resume re-runs the failed hosts then every later stage on all hosts', () => {
    const plan = planRun(lab, HOSTS, { mode: 'resume', parent: parentFailedAt('init') });
    expect(plan.stages.map((s) => [s.name, s.limit])).toEqual([
      ['init', ['lab2']],
      ['kubernetes', null],
      ['kubesphere', null],
      ['verify', null],
    ]);
  });
  it('re-runs one named stage on every host of the scope', () => {
    const plan = planRun(lab, HOSTS, { mode: 'stage', stage: 'kubesphere', parent: { ...parentFailedAt('init'), scope: ['lab1', 'lab2'] } });
    expect(plan.stages).toEqual([
      { name: 'kubesphere', kind: 'playbook', playbook: 'kubesphere/kubesphere.yml', hosts: ['lab1', 'lab2'], limit: ['lab1', 'lab2'] },
    ]);
  });
  it('refuses to retry a run that succeeded', () => {
    const ok: PriorRun = { id: 'r', status: 'succeeded', scope: null, stages: [{ name: 'init', status: 'succeeded', hosts: [] }] };
    expect(() => planRun(lab, HOSTS, { mode: 'failed', parent: ok })).toThrow(/nothing to retry/);
  });
});

describe('profiles', () => {
  it('recognises Kubernetes phases from role names', () => {
    const k8s = ks.stages.find((s) => s.name === 'kubernetes');
    expect(phaseOf(k8s, 'kubernetes/preinstall')).toBe('preinstall');
    expect(phaseOf(k8s, 'container-engine/docker')).toBe('container-engine');
    expect(phaseOf(k8s, 'download')).toBe('download');
    expect(phaseOf(k8s, 'etcd')).toBe('etcd');
    expect(phaseOf(k8s, 'kubernetes/node')).toBe('node');
    expect(phaseOf(k8s, 'kubernetes/master')).toBe('master');
    expect(phaseOf(k8s, 'network_plugin/calico')).toBe('network');
    expect(phaseOf(k8s, 'kubernetes-apps/ansible')).toBe('apps');
    expect(phaseOf(ks.stages[1], 'etcd')).toBeUndefined();
  });
  it('places the config files where the 2.0.2 scripts expect them', () => {
    expect(ks.configFiles.map((f) => f.path)).toEqual([
      'conf/hosts.ini',
      'conf/vars.yml',
      'k8s/inventory/my_cluster/hosts.ini',
      'k8s/inventory/my_cluster/group_vars/k8s-cluster/k8s-cluster.yml',
    ]);
    expect(ks.stages.map((s) => [s.name, s.kind, s.playbook])).toEqual([
      ['prepare', 'prepare', ''],
      ['write-config', 'write-config', ''],
      ['init', 'playbook', 'preinstall/init.yml'],
      ['kubernetes', 'playbook', 'k8s/cluster.yml'],
      ['kubesphere', 'playbook', 'kubesphere/kubesphere.yml'],
      ['verify', 'playbook', 'builtin:verify-kubesphere.yml'],
    ]);
  });
});
