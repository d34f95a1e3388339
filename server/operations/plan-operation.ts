/**
 * Day-2 operations, decided and planned. Pure (no I/O): every refusal and every plan is unit tested.
 *
 * Invariants:
 * - only a cluster (the install's joined nodes, `members`) has operations;
 * - add-nodes adds the config's hosts that are not members yet, workers only; remove-node removes
 *   workers only (never a master, an etcd member, the taskbox or the last worker), members or hosts
 *   a failed add left half-added; uninstall covers every host;
 * - nothing is planned without the operator's confirmation: `true` for an add (after reading what it
 *   does to the existing nodes), the host names typed (comma-joined) for a removal, the install's
 *   name typed for an uninstall; anything else is refused (422) before a run exists;
 * - stages follow operation-flows.ts; a stage's hosts are every host ('all', no --limit) or the
 *   targets ('targets', --limit); a retry continues the first unfinished stage on the hosts that did
 *   not get through it, then the later stages as planned.
 */
import { INTERNAL_LB_REMOVE_STAGE, operationStages, type OperationKind, type OperationStageDef } from '../runner/operation-flows';
import { isHostlessStage } from '../installer-profiles/profiles';
import type { PlannedStage, PriorRun, RunPlan } from '../runner/plan-run';
import { ADD_NODES_EFFECT, REMOVE_MASTER_REFUSAL, UNINSTALL_DELETES } from './cluster-notes';

export interface ClusterHost {
  name: string;
  roles: { master: boolean; etcd: boolean; worker: boolean };
  taskbox: boolean;
}

export interface ClusterFacts {
  installName: string;
  /** The config's hosts, in order (new hosts of an add included). */
  hosts: ClusterHost[];
  /** Names of the nodes that joined the cluster. */
  members: string[];
  /** The install has the internal load balancer: an uninstall removes it too. */
  internalLb?: boolean;
}

export interface OperationRequest {
  kind: OperationKind;
  hosts?: string[];
  confirm?: string | boolean;
}

export interface OperationPlan {
  kind: OperationKind;
  targets: string[];
  plan: RunPlan;
}

export class OperationRefused extends Error {
  constructor(
    readonly code: 'not-installed' | 'nothing-to-add' | 'unknown-host' | 'not-a-worker' | 'keeps-taskbox' | 'last-worker' | 'confirm' | 'nothing-to-retry',
    message: string,
  ) {
    super(message);
    this.name = 'OperationRefused';
  }
}

/** What the operator must type (or tick) to confirm `kind` on `targets`. */
export function expectedConfirmation(kind: OperationKind, targets: readonly string[], installName: string): string | true {
  if (kind === 'add-nodes') return true;
  if (kind === 'remove-node') return targets.join(',');
  return installName;
}

function confirmMessage(kind: OperationKind, expected: string | true): string {
  if (expected === true) return `confirm the add (confirm: true) after reading what it does to the existing nodes. ${ADD_NODES_EFFECT}`;
  return kind === 'remove-node'
    ? `type the name of the host to remove (${expected}) to confirm: remove-node.yml drains it, deletes it from the cluster and resets it`
    : `type the install's name (${expected}) to confirm. On every host reset.yml ${UNINSTALL_DELETES.join('; ')}`;
}

function whyNotRemovable(host: ClusterHost): string | undefined {
  const what = host.roles.master ? 'a master' : host.roles.etcd ? 'an etcd member' : undefined;
  if (what) {
    return `${host.name} is ${what}: ${REMOVE_MASTER_REFUSAL.charAt(0).toLowerCase()}${REMOVE_MASTER_REFUSAL.slice(1)}`;
  }
  if (host.taskbox)
    return `${host.name} is the taskbox: every operation runs its Ansible there. Move the installer to another machine first (installer settings), then remove it.`;
  return undefined;
}

function refuseUnknown(names: readonly string[], known: readonly string[]): void {
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new OperationRefused('unknown-host', `unknown host(s): ${unknown.join(', ')}`);
}

function targetsOf(facts: ClusterFacts, req: OperationRequest): string[] {
  const names = facts.hosts.map((h) => h.name);
  if (req.kind === 'uninstall') return names;
  if (req.kind === 'add-nodes') {
    const fresh = names.filter((n) => !facts.members.includes(n));
    if (req.hosts) {
      refuseUnknown(req.hosts, names);
      const joined = req.hosts.filter((n) => facts.members.includes(n));
      if (joined.length > 0) throw new OperationRefused('nothing-to-add', `already nodes of the cluster: ${joined.join(', ')}`);
    }
    const targets = req.hosts ? fresh.filter((n) => req.hosts?.includes(n)) : fresh;
    if (targets.length === 0) throw new OperationRefused('nothing-to-add', 'no new host to add: add the new workers to the hosts first, then start the add');
    const notWorker = facts.hosts.filter((h) => targets.includes(h.name) && (h.roles.master || h.roles.etcd || !h.roles.worker));
    if (notWorker.length > 0)
      throw new OperationRefused(
        'not-a-worker',
        `only workers can be added (add-nodes.sh adds lines to [all] and [kube-node] only): ${notWorker.map((h) => h.name).join(', ')}`,
      );
    return targets;
  }
  if (!req.hosts || req.hosts.length === 0) throw new OperationRefused('unknown-host', 'name the host to remove (hosts: ["<name>"])');
  refuseUnknown(req.hosts, names);
  const targets = names.filter((n) => req.hosts?.includes(n));
  for (const host of facts.hosts.filter((h) => targets.includes(h.name))) {
    const why = whyNotRemovable(host);
    if (why) throw new OperationRefused(host.taskbox && !host.roles.master && !host.roles.etcd ? 'keeps-taskbox' : 'not-a-worker', why);
  }
  const workersLeft = facts.hosts.filter((h) => h.roles.worker && facts.members.includes(h.name) && !targets.includes(h.name));
  if (workersLeft.length === 0)
    throw new OperationRefused('last-worker', 'the cluster would have no worker left: add a worker first, or uninstall the cluster');
  return targets;
}

function stageFor(def: OperationStageDef, hosts: readonly string[], allHosts: readonly string[]): PlannedStage {
  if (isHostlessStage(def)) return { name: def.name, kind: def.kind, playbook: def.playbook, hosts: [], limit: null };
  const ordered = allHosts.filter((h) => hosts.includes(h));
  return { name: def.name, kind: def.kind, playbook: def.playbook, hosts: ordered, limit: ordered.length === allHosts.length ? null : ordered };
}

const hostsOfStage = (def: OperationStageDef, targets: readonly string[], allHosts: readonly string[]) => (def.hosts === 'all' ? allHosts : targets);

export function planOperation(facts: ClusterFacts, req: OperationRequest): OperationPlan {
  if (facts.members.length === 0)
    throw new OperationRefused('not-installed', 'this install has no cluster (it was never installed, or it was uninstalled): nothing to operate on');
  const targets = targetsOf(facts, req);
  const expected = expectedConfirmation(req.kind, targets, facts.installName);
  if (req.confirm !== expected) throw new OperationRefused('confirm', `not confirmed: ${confirmMessage(req.kind, expected)}`);
  const allHosts = facts.hosts.map((h) => h.name);
  const stages = operationStages(req.kind, facts.internalLb ?? false).map((def) => stageFor(def, hostsOfStage(def, targets, allHosts), allHosts));
  return { kind: req.kind, targets, plan: { mode: 'full', parentRunId: null, scope: null, stages } };
}

const RETRYABLE_HOST = new Set(['failed', 'interrupted', 'cancelled', 'queued', 'running']);

/** A run planned with the internal LB's removal (its retry keeps it). */
export const hadLbRemoval = (run: PriorRun): boolean => run.stages.some((s) => s.name === INTERNAL_LB_REMOVE_STAGE.name);

/** Retry failed of an operation run: its first unfinished stage on the hosts that did not get through, then the rest. */
export function planOperationRetry(kind: OperationKind, allHosts: readonly string[], targets: readonly string[], parent: PriorRun): RunPlan {
  const flow = operationStages(kind, hadLbRemoval(parent));
  const gone = targets.filter((t) => !allHosts.includes(t));
  if (gone.length > 0)
    throw new OperationRefused('nothing-to-retry', `${gone.join(', ')} ${gone.length === 1 ? 'is' : 'are'} no longer in the install: nothing to retry`);
  const idx = parent.stages.findIndex((s) => s.status !== 'succeeded');
  const failed = parent.stages[idx];
  const def = flow.find((d) => d.name === failed?.name);
  if (!failed || !def) throw new OperationRefused('nothing-to-retry', 'every stage of this operation succeeded: nothing to retry');
  const bad = failed.hosts.filter((h) => RETRYABLE_HOST.has(h.status)).map((h) => h.host);
  const first = stageFor(def, bad.length > 0 ? bad : hostsOfStage(def, targets, allHosts), allHosts);
  const later = flow.slice(flow.indexOf(def) + 1).map((d) => stageFor(d, hostsOfStage(d, targets, allHosts), allHosts));
  return { mode: 'failed', parentRunId: parent.id, scope: null, stages: [first, ...later] };
}
