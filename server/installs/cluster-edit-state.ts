/**
 * What the wizard needs to judge edits of an installed install before save: the cluster's nodes as
 * they joined (the cluster-member rules, lib/config/cluster-validate.ts) and the day-2 operation
 * running on it, if any (edits are refused meanwhile: assert-no-active-operation.ts).
 */
import type { ActiveOperation, ClusterEditState } from '@/lib/api/cluster';
import { getDb } from '../db';
import { isOperationKind } from '../runner/operation-flows';
import { runLabelOf } from '../runner/run-refusal';
import { ACTIVE_STATUSES } from '../status/run-states';
import { clusterMembers } from './mark-joined';

export type { ActiveOperation, ClusterEditState };

export async function clusterEditState(installId: string): Promise<ClusterEditState> {
  const active = await getDb().run.findFirst({
    where: { installId, status: { in: [...ACTIVE_STATUSES] } },
    select: { id: true, operation: true },
    orderBy: { createdAt: 'desc' },
  });
  const activeOperation =
    active && isOperationKind(active.operation) ? { runId: active.id, label: await runLabelOf(installId, active.id), operation: active.operation } : null;
  return { members: await clusterMembers(installId), activeOperation };
}
