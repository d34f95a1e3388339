/**
 * What an uninstall did on each host, from the reset stage's host rows of its runs (the first
 * uninstall and its retries, oldest first: a later run's row for a host replaces an earlier one).
 * Pure.
 *
 * Invariants:
 * - a host is `cleaned` only when reset.yml succeeded on it; `unreachable` when Ansible could not
 *   reach it (reset never ran there), `failed` when a task failed there; both are "not cleaned" and
 *   come with how to clean the host by hand (cluster-notes.ts CLEAN_BY_HAND);
 * - the install counts as uninstalled once reset.yml ran to its end (the stage succeeded or failed,
 *   never cancelled or interrupted half way) and cleaned at least one host: the cluster is gone, and
 *   the hosts it could not clean are listed. When it cleaned none, nothing is known to be gone and
 *   the install stays as it was (retry failed, or cancel).
 */
import type { UninstallHostResult } from '@/lib/api/cluster';

export type { UninstallHostResult };

export interface ResetHostRow {
  host: string;
  status: string;
  failed: number;
  unreachable: number;
}

export interface ResetStageRow {
  status: string;
  hosts: ResetHostRow[];
}

export interface UninstallHostView {
  host: string;
  result: UninstallHostResult;
}

export function resultOfHost(row: ResetHostRow): UninstallHostResult {
  if (row.unreachable > 0) return 'unreachable';
  if (row.status === 'succeeded') return 'cleaned';
  if (row.failed > 0 || row.status === 'failed') return 'failed';
  return 'not-reached';
}

/** Per host, the newest result over the reset stages given oldest first (retries narrow the hosts). */
export function uninstallResults(stages: readonly ResetStageRow[]): UninstallHostView[] {
  const byHost = new Map<string, UninstallHostResult>();
  for (const stage of stages) for (const row of stage.hosts) byHost.set(row.host, resultOfHost(row));
  return [...byHost].map(([host, result]) => ({ host, result }));
}

/** Whether a reset stage that ended this way leaves the install uninstalled (see the invariants). */
export function resetEndedTheCluster(stage: ResetStageRow | undefined): boolean {
  if (!stage || (stage.status !== 'succeeded' && stage.status !== 'failed')) return false;
  return stage.hosts.some((h) => resultOfHost(h) === 'cleaned');
}

export const notCleaned = (results: readonly UninstallHostView[]): string[] => results.filter((r) => r.result !== 'cleaned').map((r) => r.host);
