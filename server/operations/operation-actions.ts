/**
 * What the run page offers after a day-2 operation run ended, planned by the same planner its retry
 * uses: "retry failed" (continue what failed, then the rest of the operation), and after a failed
 * add "abandon" (remove-node on the hosts it was adding, then they leave the config).
 */
import { describeSteps } from '../runner/describe-steps';
import { operationStages, type OperationKind } from '../runner/operation-flows';
import type { PriorRun } from '../runner/plan-run';
import type { RetryAction } from '../runner/run-chain-view';
import { ACTIVE_STATUSES } from '../status/run-states';
import { hadLbRemoval, OperationRefused, planOperationRetry } from './plan-operation';

export interface OperationActions {
  actions: RetryAction[];
  /** After a failed add: the hosts "Abandon" removes (POST …/operations {kind: "remove-node", hosts}); [] otherwise. */
  abandon: string[];
}

export function operationActions(kind: OperationKind, allHosts: string[], targets: string[], run: PriorRun, members: readonly string[]): OperationActions {
  if ((ACTIVE_STATUSES as readonly string[]).includes(run.status) || run.status === 'succeeded') return { actions: [], abandon: [] };
  const labels = new Map(operationStages(kind, hadLbRemoval(run)).map((s) => [s.name, s.label]));
  let actions: RetryAction[] = [];
  try {
    const plan = planOperationRetry(kind, allHosts, targets, run);
    const stages = plan.stages.map((s) => ({ name: s.name, label: labels.get(s.name) ?? s.name, hosts: s.hosts }));
    actions = [
      {
        mode: 'failed',
        does: describeSteps(
          stages.map((s) => ({ label: s.label, hosts: s.hosts })),
          allHosts,
        ),
        stages,
        leaves: [],
      },
    ];
  } catch (err) {
    if (!(err instanceof OperationRefused)) throw err;
  }
  const abandon = kind === 'add-nodes' ? targets.filter((t) => allHosts.includes(t) && !members.includes(t)) : [];
  return { actions, abandon };
}
