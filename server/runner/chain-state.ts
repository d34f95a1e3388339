/**
 * The truth about an install from its runs: a run CHAIN is a full run (no parent) and every retry
 * that continues it, at any depth (`parentRunId`). Pure (no I/O): the runner, the run view and the
 * installs list all ask this one function.
 *
 * Invariants:
 * - a stage is done on a host when the LATEST attempt of that stage on that host within the chain
 *   succeeded (a host that got through a stage that failed elsewhere counts: the executor marks it
 *   succeeded); a stage that never started (queued, or "not run") is no attempt and changes nothing;
 * - a hostless stage (write-config) is done when its latest attempt succeeded;
 * - the chain installs the hosts of its first run's scope (null = every host of the install), as far
 *   as they are still hosts of the install; stages run on every one of them;
 * - the install status follows: `installing` while a run of the chain is queued or running,
 *   `installed` only when nothing remains, `incomplete` when the newest run succeeded but stages
 *   remain (one stage re-run, a subset run), `failed` otherwise. Never `installed` by one run's
 *   success alone.
 */
import type { InstallChainStatus } from '@/lib/api/runs';

export type { InstallChainStatus };

export interface ChainStageDef {
  name: string;
  /** Runs on the wizard's side, with no host rows (write-config). */
  hostless: boolean;
}

export interface ChainRunStage {
  name: string;
  status: string;
  /** False for a stage that never began (queued, or cancelled as "not run"). */
  started: boolean;
  hosts: { host: string; status: string }[];
}

export interface ChainRun {
  id: string;
  parentRunId: string | null;
  status: string;
  /** Milliseconds since the epoch: runs are ordered by it. */
  createdAt: number;
  /** The run's host scope: null = every host of the install. */
  scope: string[] | null;
  stages: ChainRunStage[];
}

export interface RemainingStage {
  stage: string;
  /** Hosts still to run it on; [] for a hostless stage. */
  hosts: string[];
}

/** What one stage of one run did: the hosts it got through and the ones it did not. */
export interface StageDid {
  stage: string;
  status: string;
  succeeded: string[];
  notSucceeded: string[];
}

export interface ChainState {
  status: InstallChainStatus;
  complete: boolean;
  /** The chain's queued or running run, if any. */
  activeRunId: string | null;
  /** The hosts the chain installs. */
  scope: string[];
  /** Stages (profile order) not yet done on every host that needs them. */
  remaining: RemainingStage[];
  /** (stage, host) pairs done out of all the chain needs; a hostless stage counts as one. */
  progress: { done: number; total: number };
  /** Per run of the chain, oldest first: the stages it started and how they ended. */
  runs: { id: string; status: string; did: StageDid[] }[];
}

const ACTIVE = new Set(['queued', 'running']);

/** The chain `runId` belongs to: its root and every run descending from that root, oldest first. */
export function chainOf(runs: readonly ChainRun[], runId: string): ChainRun[] {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const rootOf = (id: string): string => {
    const seen = new Set<string>();
    let cur = byId.get(id);
    while (cur?.parentRunId && byId.has(cur.parentRunId) && !seen.has(cur.id)) {
      seen.add(cur.id);
      cur = byId.get(cur.parentRunId);
    }
    return cur?.id ?? id;
  };
  if (!byId.has(runId)) return [];
  const root = rootOf(runId);
  return runs.filter((r) => rootOf(r.id) === root).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** The chain of the install's newest run (the install's current chain), oldest first. */
export function currentChain(runs: readonly ChainRun[]): ChainRun[] {
  const newest = [...runs].sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))[0];
  return newest ? chainOf(runs, newest.id) : [];
}

function didOf(stage: ChainRunStage): StageDid {
  return {
    stage: stage.name,
    status: stage.status,
    succeeded: stage.hosts.filter((h) => h.status === 'succeeded').map((h) => h.host),
    notSucceeded: stage.hosts.filter((h) => h.status !== 'succeeded').map((h) => h.host),
  };
}

/**
 * The state of `chain` (oldest first, as chainOf returns it) for an install whose profile has
 * `stages` and whose hosts are now `installHosts`.
 */
export function chainState(stages: readonly ChainStageDef[], installHosts: readonly string[], chain: readonly ChainRun[]): ChainState {
  const ordered = [...chain].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const root = ordered[0];
  const scope = (root?.scope ?? installHosts).filter((h) => installHosts.includes(h));
  // latest attempt per stage (hostless) and per stage+host
  const doneHostless = new Map<string, boolean>();
  const doneOn = new Map<string, Map<string, boolean>>();
  for (const run of ordered) {
    for (const stage of run.stages) {
      if (!stage.started) continue;
      doneHostless.set(stage.name, stage.status === 'succeeded');
      const perHost = doneOn.get(stage.name) ?? new Map<string, boolean>();
      for (const h of stage.hosts) perHost.set(h.host, h.status === 'succeeded');
      doneOn.set(stage.name, perHost);
    }
  }
  const remaining: RemainingStage[] = [];
  let done = 0;
  let total = 0;
  for (const def of stages) {
    if (def.hostless) {
      total += 1;
      if (doneHostless.get(def.name) === true) done += 1;
      else remaining.push({ stage: def.name, hosts: [] });
      continue;
    }
    const perHost = doneOn.get(def.name);
    const todo = scope.filter((h) => perHost?.get(h) !== true);
    total += scope.length;
    done += scope.length - todo.length;
    if (todo.length > 0) remaining.push({ stage: def.name, hosts: todo });
  }
  const active = ordered.find((r) => ACTIVE.has(r.status));
  const newest = ordered[ordered.length - 1];
  const complete = ordered.length > 0 && remaining.length === 0;
  const status: InstallChainStatus = active ? 'installing' : complete ? 'installed' : newest?.status === 'succeeded' ? 'incomplete' : 'failed';
  return {
    status,
    complete,
    activeRunId: active?.id ?? null,
    scope,
    remaining,
    progress: { done, total },
    runs: ordered.map((r) => ({ id: r.id, status: r.status, did: r.stages.filter((s) => s.started).map(didOf) })),
  };
}

/** The chain as it would be if `planned` (stage → hosts) ran and succeeded: what a retry would leave. */
export function afterSuccess(chain: readonly ChainRun[], planned: readonly { name: string; hosts: string[] }[]): ChainRun[] {
  const last = chain.reduce((t, r) => Math.max(t, r.createdAt), 0);
  const hypothetical: ChainRun = {
    id: '(planned)',
    parentRunId: chain[chain.length - 1]?.id ?? null,
    status: 'succeeded',
    createdAt: last + 1,
    scope: chain[0]?.scope ?? null,
    stages: planned.map((s) => ({ name: s.name, status: 'succeeded', started: true, hosts: s.hosts.map((host) => ({ host, status: 'succeeded' })) })),
  };
  return [...chain, hypothetical];
}
