/**
 * The bundle's day-2 scripts as data, beside install.sh's flow (profiles.ts): which playbooks run,
 * in which order, on which hosts, with which `-e` arguments, and the environment each script sets.
 * Pure data plus lookups; the runner renders it (taskbox/stage-script.ts), server/operations plans it.
 *
 * Sources (kubesphere-2.0-installer.md §5.6–5.7, the 2.1 bundle's scripts/):
 * - add-nodes.sh: the conf copies, then from scripts/ `ansible-playbook -i ../k8s/inventory/my_cluster/hosts.ini`
 *   `../preinstall/init.yml -b`, `../k8s/scale.yml -b`, `../kubesphere/scale.yml -b -e local_volume_provisioner_enabled=false`;
 *   log `logs/Scale[<date>].log`, DEFAULT_FORKS=10, ANSIBLE_TIMEOUT=300;
 * - Kubespray v2.9 remove-node.yml: `-e node=<name>`, its prompt `delete_nodes_confirmation` answered `yes`
 *   only because the operator typed the host's name in the wizard (extra vars skip a vars_prompt);
 * - uninstall.sh: `../k8s/reset.yml -b`, log `logs/Uninstall[<date>].log`, DEFAULT_FORKS=100, its
 *   prompt `reset_confirmation` answered `yes` only after the operator typed the install's name.
 *
 * Invariants: stage names are unique within a flow and never those of another flow's stage that
 * runs a different playbook (the lab's `lab_fail_at=<stage>:<host>` names them); `{targets}` in a
 * var value is the operation's hosts, comma-joined (Kubespray's `node` takes a list); a stage's
 * `hosts` is 'targets' (only the hosts the operation is about: `--limit`) or 'all' (the script runs
 * it on the whole inventory).
 */
import type { StageDef } from '../installer-profiles/profiles';
import { OPERATION_KINDS, type OperationKind, type RunOperation } from '@/lib/api/runs';

export type { OperationKind, RunOperation };
export { OPERATION_KINDS };

export interface OperationStageDef extends StageDef {
  hosts: 'all' | 'targets';
  /** `-e name=value` pairs after the playbook, as the script passes them. */
  vars?: [string, string][];
}

/** The environment differences of a bundle script from install.sh's (taskbox/stage-script.ts). */
export interface ScriptEnv {
  /** The script, as the operator knows it. */
  script: string;
  /** ANSIBLE_LOG_PATH=logs/<logName>[<date>].log */
  logName: string;
  forks: number;
}

export interface OperationFlow extends ScriptEnv {
  kind: OperationKind;
  stages: OperationStageDef[];
}

export const INSTALL_SCRIPT_ENV: ScriptEnv = { script: 'scripts/install.sh', logName: 'Install', forks: 10 };

export const TARGETS_PLACEHOLDER = '{targets}';

const WRITE_CONFIG: OperationStageDef = { name: 'write-config', label: 'Write configuration', kind: 'write-config', playbook: '', hosts: 'all' };

export const OPERATION_FLOWS: Record<OperationKind, OperationFlow> = {
  'add-nodes': {
    kind: 'add-nodes',
    script: 'scripts/add-nodes.sh',
    logName: 'Scale',
    forks: 10,
    stages: [
      // the ping reaches every host: scale.yml gathers the masters' and etcd's facts
      { name: 'prepare', label: 'Prepare the taskbox', kind: 'prepare', playbook: '', hosts: 'all' },
      WRITE_CONFIG,
      // add-nodes.sh runs init.yml on the whole inventory; the wizard limits it to the new hosts,
      // the ones it prepares (the existing nodes were prepared by the install)
      { name: 'init', label: 'Initiate environment on the new hosts', kind: 'playbook', playbook: 'preinstall/init.yml', hosts: 'targets' },
      { name: 'scale', label: 'Join the new workers (scale.yml)', kind: 'playbook', playbook: 'k8s/scale.yml', hosts: 'all' },
      {
        name: 'kubesphere-scale',
        label: 'KubeSphere on the new workers',
        kind: 'playbook',
        playbook: 'kubesphere/scale.yml',
        hosts: 'all',
        vars: [['local_volume_provisioner_enabled', 'false']],
      },
    ],
  },
  'remove-node': {
    kind: 'remove-node',
    script: 'k8s/remove-node.yml (Kubespray)',
    logName: 'RemoveNode',
    forks: 10,
    stages: [
      WRITE_CONFIG,
      {
        name: 'remove-node',
        label: 'Drain, delete and reset the node (remove-node.yml)',
        kind: 'playbook',
        playbook: 'k8s/remove-node.yml',
        hosts: 'all',
        vars: [
          ['node', TARGETS_PLACEHOLDER],
          ['delete_nodes_confirmation', 'yes'],
        ],
      },
    ],
  },
  uninstall: {
    kind: 'uninstall',
    script: 'scripts/uninstall.sh',
    logName: 'Uninstall',
    forks: 100,
    stages: [
      WRITE_CONFIG,
      {
        name: 'reset',
        label: 'Reset every host (reset.yml)',
        kind: 'playbook',
        playbook: 'k8s/reset.yml',
        hosts: 'all',
        vars: [['reset_confirmation', 'yes']],
      },
    ],
  },
};

/**
 * The uninstall's last stage when the install has the internal load balancer: the builtin
 * remove.yml on the LB hosts (stops keepalived and HAProxy, deletes their configs).
 */
export const INTERNAL_LB_REMOVE_STAGE: OperationStageDef = {
  name: 'internal-lb-remove',
  label: 'Remove the internal load balancer',
  kind: 'internal-lb',
  playbook: 'builtin:internal-lb/remove.yml',
  hosts: 'all',
};

/** The stages of an operation: the flow's own, plus the LB's removal for an uninstall with the internal LB. */
export function operationStages(kind: OperationKind, internalLb: boolean): readonly OperationStageDef[] {
  const stages = OPERATION_FLOWS[kind].stages;
  return kind === 'uninstall' && internalLb ? [...stages, INTERNAL_LB_REMOVE_STAGE] : stages;
}

export function isOperationKind(value: string): value is OperationKind {
  return (OPERATION_KINDS as readonly string[]).includes(value);
}

/**
 * The stage defs a run of `operation` executes: the profile's own for an install (applicableProfile:
 * with the internal-lb stage when the install has the internal LB, which also adds its removal to an
 * uninstall).
 */
export function stagesOfRun(profileStages: readonly StageDef[], operation: string): readonly StageDef[] {
  return isOperationKind(operation)
    ? operationStages(
        operation,
        profileStages.some((s) => s.kind === 'internal-lb'),
      )
    : profileStages;
}

export function scriptEnvOf(operation: string): ScriptEnv {
  return isOperationKind(operation) ? OPERATION_FLOWS[operation] : INSTALL_SCRIPT_ENV;
}

/** The `-e` pairs of a stage of `operation`, `{targets}` filled in (none for install stages). */
export function stageVarsOf(operation: string, stageName: string, targets: readonly string[]): [string, string][] {
  if (!isOperationKind(operation)) return [];
  const def = OPERATION_FLOWS[operation].stages.find((s) => s.name === stageName);
  return (def?.vars ?? []).map(([k, v]) => [k, v === TARGETS_PLACEHOLDER ? targets.join(',') : v]);
}
