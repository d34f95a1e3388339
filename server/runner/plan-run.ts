/**
 * Planning: which stages a run executes, on which hosts. Pure (no I/O) so every retry rule is unit
 * tested without Ansible.
 *
 * Invariants:
 * - stages always run in profile order;
 * - a stage's host list is its `--limit`; `limit` is null when the stage covers every inventory host
 *   (no --limit at all), so a full run never depends on host-name globbing;
 * - a run's `scope` (hosts the install run targets, null = all) is inherited by retries, while the
 *   per-stage host lists narrow it ("retry failed" = only the hosts that failed or were unreachable);
 * - `write-config` writes the bundle's files on the taskbox and has no hosts; `internal-lb` has none
 *   of the cluster either (it runs on every LB host, and again as a whole when retried); `prepare` pings every host
 *   of the scope from the taskbox, so it has host rows like a playbook stage.
 * - `resume` given the chain's `remaining` work (chain-state.ts) FINISHES the install: the first stage
 *   with work left on the hosts that still need it, then every later stage on the scope; without it
 *   (older callers) it continues from the parent's first unfinished stage.
 */
import type { RemainingStage } from './chain-state';
import { isHostlessStage, type InstallerProfile, type StageDef } from '../installer-profiles/profiles';

export type RunMode = 'full' | 'failed' | 'resume' | 'stage';

export interface PriorStage {
  name: string;
  status: string;
  hosts: { host: string; status: string }[];
}

export interface PriorRun {
  id: string;
  status: string;
  /** The run's scope: null = all hosts of the install. */
  scope: string[] | null;
  stages: PriorStage[];
}

export type RunRequest =
  | { mode: 'full'; stages?: string[]; hosts?: string[] }
  | { mode: 'failed'; parent: PriorRun }
  | { mode: 'resume'; parent: PriorRun; remaining?: RemainingStage[] }
  | { mode: 'stage'; parent: PriorRun; stage: string };

export interface PlannedStage {
  name: string;
  kind: StageDef['kind'];
  playbook: string;
  hosts: string[];
  limit: string[] | null;
}

export interface RunPlan {
  mode: RunMode;
  parentRunId: string | null;
  scope: string[] | null;
  stages: PlannedStage[];
}

export class PlanError extends Error {
  constructor(
    readonly code: 'unknown-stage' | 'unknown-host' | 'nothing-to-retry' | 'empty',
    message: string,
  ) {
    super(message);
    this.name = 'PlanError';
  }
}

const RETRYABLE_HOST = new Set(['failed', 'interrupted', 'cancelled', 'queued', 'running']);

function plannedStage(def: StageDef, hosts: string[], allHosts: string[]): PlannedStage {
  if (isHostlessStage(def)) return { name: def.name, kind: def.kind, playbook: def.playbook, hosts: [], limit: null };
  const ordered = allHosts.filter((h) => hosts.includes(h));
  const limit = ordered.length === allHosts.length ? null : ordered;
  return { name: def.name, kind: def.kind, playbook: def.playbook, hosts: ordered, limit };
}

function checkHosts(hosts: string[], allHosts: string[]): void {
  const unknown = hosts.filter((h) => !allHosts.includes(h));
  if (unknown.length > 0) throw new PlanError('unknown-host', `unknown host(s): ${unknown.join(', ')}`);
}

function stageIndex(profile: InstallerProfile, name: string): number {
  const i = profile.stages.findIndex((s) => s.name === name);
  if (i < 0) throw new PlanError('unknown-stage', `unknown stage ${JSON.stringify(name)}; stages: ${profile.stages.map((s) => s.name).join(', ')}`);
  return i;
}

/** The first stage of `parent` that did not succeed and was reached (or cancelled/interrupted). */
function firstUnfinished(parent: PriorRun): PriorStage | undefined {
  return parent.stages.find((s) => s.status !== 'succeeded' && s.status !== 'queued') ?? parent.stages.find((s) => s.status === 'queued');
}

export function planRun(profile: InstallerProfile, allHosts: string[], req: RunRequest): RunPlan {
  if (req.mode === 'full') {
    const names = req.stages ?? profile.stages.map((s) => s.name);
    const wanted = new Set(names.map((n) => profile.stages[stageIndex(profile, n)].name));
    const hosts = req.hosts ?? allHosts;
    checkHosts(hosts, allHosts);
    if (hosts.length === 0 || wanted.size === 0) throw new PlanError('empty', 'a run needs at least one stage and one host');
    const scope = req.hosts ? allHosts.filter((h) => hosts.includes(h)) : null;
    const stages = profile.stages.filter((s) => wanted.has(s.name)).map((s) => plannedStage(s, hosts, allHosts));
    return { mode: 'full', parentRunId: null, scope: scope && scope.length === allHosts.length ? null : scope, stages };
  }

  const parent = req.parent;
  const scopeHosts = (parent.scope ?? allHosts).filter((h) => allHosts.includes(h));
  if (req.mode === 'stage') {
    const def = profile.stages[stageIndex(profile, req.stage)];
    return { mode: 'stage', parentRunId: parent.id, scope: parent.scope, stages: [plannedStage(def, scopeHosts, allHosts)] };
  }

  if (req.mode === 'resume' && req.remaining) return planFinish(profile, allHosts, scopeHosts, parent, req.remaining);

  const failed = firstUnfinished(parent);
  if (!failed) throw new PlanError('nothing-to-retry', 'every stage of this run succeeded: nothing to retry');
  const idx = stageIndex(profile, failed.name);
  const def = profile.stages[idx];
  const bad = failed.hosts.filter((h) => RETRYABLE_HOST.has(h.status)).map((h) => h.host);
  const retryHosts = bad.length > 0 ? bad : failed.hosts.length > 0 ? failed.hosts.map((h) => h.host) : scopeHosts;
  const first = plannedStage(
    def,
    retryHosts.filter((h) => allHosts.includes(h)),
    allHosts,
  );
  if (def.kind === 'playbook' && first.hosts.length === 0) throw new PlanError('nothing-to-retry', 'no host of the failed stage is still in the install');
  const stages = [first];
  if (req.mode === 'resume') {
    for (const later of profile.stages.slice(idx + 1)) stages.push(plannedStage(later, scopeHosts, allHosts));
  }
  return { mode: req.mode, parentRunId: parent.id, scope: parent.scope, stages };
}

/** Resume as "finish the install": the chain's first stage with work left, then the rest. */
function planFinish(profile: InstallerProfile, allHosts: string[], scopeHosts: string[], parent: PriorRun, remaining: RemainingStage[]): RunPlan {
  const firstIdx = Math.min(...remaining.map((r) => stageIndex(profile, r.stage)));
  const first = remaining.find((r) => r.stage === profile.stages[firstIdx]?.name);
  const def = profile.stages[firstIdx];
  if (!first || !def) throw new PlanError('nothing-to-retry', 'every stage of the install has succeeded on every host: nothing to resume');
  const head = plannedStage(
    def,
    first.hosts.filter((h) => allHosts.includes(h)),
    allHosts,
  );
  if (!isHostlessStage(def) && head.hosts.length === 0)
    throw new PlanError('nothing-to-retry', 'no host that still needs this install is in the install any more');
  const stages = [head, ...profile.stages.slice(firstIdx + 1).map((later) => plannedStage(later, scopeHosts, allHosts))];
  return { mode: 'resume', parentRunId: parent.id, scope: parent.scope, stages };
}
