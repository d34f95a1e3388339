import { describe, expect, it } from 'vitest';
import type { PriorRun } from '../runner/plan-run';
import { OperationRefused, planOperation, planOperationRetry, type ClusterFacts, type ClusterHost } from './plan-operation';

const host = (name: string, roles: Partial<ClusterHost['roles']>, taskbox = false): ClusterHost => ({
  name,
  taskbox,
  roles: { master: false, etcd: false, worker: false, ...roles },
});
const FACTS: ClusterFacts = {
  installName: 'prod-eu',
  hosts: [
    host('lab1', { master: true, etcd: true }, true),
    host('lab2', { worker: true }),
    host('lab3', { worker: true }),
    host('lab4', { worker: true }),
    host('lab5', { worker: true }),
    host('lab6', { worker: true }),
  ],
  members: ['lab1', 'lab2', 'lab3', 'lab4'],
};
const ALL = FACTS.hosts.map((h) => h.name);

function refusal(fn: () => unknown): OperationRefused {
  try {
    fn();
  } catch (err) {
    if (err instanceof OperationRefused) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('planOperation', () => {
  it('add-nodes: the new hosts only; init on them, scale and kubesphere/scale on the whole inventory (as add-nodes.sh)', () => {
    const { targets, plan } = planOperation(FACTS, { kind: 'add-nodes', confirm: true });
    expect(targets).toEqual(['lab5', 'lab6']);
    expect(plan.stages.map((s) => [s.name, s.playbook, s.limit])).toEqual([
      ['prepare', '', null],
      ['write-config', '', null],
      ['init', 'preinstall/init.yml', ['lab5', 'lab6']],
      ['scale', 'k8s/scale.yml', null],
      ['kubesphere-scale', 'kubesphere/scale.yml', null],
    ]);
  });

  it('add-nodes: refuses masters/etcd, known nodes, nothing new, and a missing confirmation', () => {
    const withMaster = { ...FACTS, hosts: [...FACTS.hosts.slice(0, 5), host('lab6', { master: true, worker: true })] };
    expect(refusal(() => planOperation(withMaster, { kind: 'add-nodes', confirm: true })).code).toBe('not-a-worker');
    expect(refusal(() => planOperation(FACTS, { kind: 'add-nodes', hosts: ['lab2'], confirm: true })).code).toBe('nothing-to-add');
    expect(refusal(() => planOperation({ ...FACTS, members: ALL }, { kind: 'add-nodes', confirm: true })).code).toBe('nothing-to-add');
    expect(refusal(() => planOperation(FACTS, { kind: 'add-nodes' })).message).toMatch(/restarts Docker/);
  });

  it('remove-node: a worker, typed; masters, etcd members, the taskbox and the last worker are refused with what to do', () => {
    const { targets, plan } = planOperation(FACTS, { kind: 'remove-node', hosts: ['lab3'], confirm: 'lab3' });
    expect(targets).toEqual(['lab3']);
    expect(plan.stages.map((s) => [s.name, s.limit])).toEqual([
      ['write-config', null],
      ['remove-node', null],
    ]);
    const master = refusal(() => planOperation(FACTS, { kind: 'remove-node', hosts: ['lab1'], confirm: 'lab1' }));
    expect(master.message).toMatch(/lab1 is a master: the 2.x bundle has no supported flow.*uninstall and install the cluster again/);
    expect(refusal(() => planOperation(FACTS, { kind: 'remove-node', hosts: ['lab3'], confirm: 'lab2' })).code).toBe('confirm');
    expect(refusal(() => planOperation(FACTS, { kind: 'remove-node', hosts: ['lab3'] })).code).toBe('confirm');
    const oneWorker = { ...FACTS, members: ['lab1', 'lab2'] };
    expect(refusal(() => planOperation(oneWorker, { kind: 'remove-node', hosts: ['lab2'], confirm: 'lab2' })).code).toBe('last-worker');
    const taskboxWorker = { ...FACTS, hosts: [host('lab1', { master: true, etcd: true }), host('lab2', { worker: true }, true), ...FACTS.hosts.slice(2)] };
    expect(refusal(() => planOperation(taskboxWorker, { kind: 'remove-node', hosts: ['lab2'], confirm: 'lab2' })).code).toBe('keeps-taskbox');
  });

  it("uninstall: every host, only with the install's name typed; nothing without a cluster", () => {
    expect(planOperation(FACTS, { kind: 'uninstall', confirm: 'prod-eu' }).plan.stages.map((s) => [s.name, s.hosts.length])).toEqual([
      ['write-config', 0],
      ['reset', 6],
    ]);
    expect(refusal(() => planOperation(FACTS, { kind: 'uninstall', confirm: 'prod' })).message).toMatch(/type the install's name \(prod-eu\)/);
    expect(refusal(() => planOperation({ ...FACTS, members: [] }, { kind: 'uninstall', confirm: 'prod-eu' })).code).toBe('not-installed');
  });
});

describe('uninstall with the internal load balancer', () => {
  it('ends with the removal of the LB (builtin remove.yml, no cluster host rows); a retry keeps it', () => {
    const { plan } = planOperation({ ...FACTS, internalLb: true }, { kind: 'uninstall', confirm: 'prod-eu' });
    expect(plan.stages.map((s) => [s.name, s.kind, s.playbook, s.hosts.length])).toEqual([
      ['write-config', 'write-config', '', 0],
      ['reset', 'playbook', 'k8s/reset.yml', 6],
      ['internal-lb-remove', 'internal-lb', 'builtin:internal-lb/remove.yml', 0],
    ]);
    const parent: PriorRun = {
      id: 'r1',
      status: 'failed',
      scope: null,
      stages: [
        { name: 'write-config', status: 'succeeded', hosts: [] },
        { name: 'reset', status: 'succeeded', hosts: ALL.map((h) => ({ host: h, status: 'succeeded' })) },
        { name: 'internal-lb-remove', status: 'failed', hosts: [] },
      ],
    };
    expect(planOperationRetry('uninstall', ALL, ALL, parent).stages.map((s) => s.name)).toEqual(['internal-lb-remove']);
  });
});

describe('planOperationRetry', () => {
  it('continues the failed stage on the hosts that failed, then the later stages as planned', () => {
    const parent: PriorRun = {
      id: 'r1',
      status: 'failed',
      scope: null,
      stages: [
        { name: 'prepare', status: 'succeeded', hosts: ALL.map((h) => ({ host: h, status: 'succeeded' })) },
        { name: 'write-config', status: 'succeeded', hosts: [] },
        {
          name: 'init',
          status: 'succeeded',
          hosts: [
            { host: 'lab5', status: 'succeeded' },
            { host: 'lab6', status: 'succeeded' },
          ],
        },
        { name: 'scale', status: 'failed', hosts: ALL.map((h) => ({ host: h, status: h === 'lab5' ? 'failed' : 'succeeded' })) },
        { name: 'kubesphere-scale', status: 'cancelled', hosts: ALL.map((h) => ({ host: h, status: 'cancelled' })) },
      ],
    };
    const plan = planOperationRetry('add-nodes', ALL, ['lab5', 'lab6'], parent);
    expect(plan).toMatchObject({ mode: 'failed', parentRunId: 'r1' });
    expect(plan.stages.map((s) => [s.name, s.limit])).toEqual([
      ['scale', ['lab5']],
      ['kubesphere-scale', null],
    ]);
    const done = { ...parent, stages: parent.stages.map((s) => ({ ...s, status: 'succeeded' })) };
    expect(refusal(() => planOperationRetry('add-nodes', ALL, ['lab5'], done)).code).toBe('nothing-to-retry');
  });
});
