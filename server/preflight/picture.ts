/**
 * The latest picture of an install's hosts: the newest full check plus every later re-check of some
 * hosts (POST /api/installs/:id/preflight {hosts}), each host shown as its newest check found it.
 * Pure; get-preflight.ts and the install gate read the runs and ask this.
 *
 * Invariants:
 * - the window is the runs from the newest back to the newest FULL run (one that checked every host
 *   of the install as it is now, or ran the cluster-wide checks, which only a run of all hosts does);
 *   nothing older counts;
 * - each current host's results (and the target + login it was checked with) come from the newest
 *   run of the window that checked it; a host being re-checked right now shows that run's results
 *   only ("pending" until they arrive), never the older ones mixed in;
 * - the cluster-wide section comes from the full run: a re-check of some hosts does not run the
 *   cluster-wide checks, so the view says where they come from;
 * - the status is the newest run's while it runs; after that, the worst of the picture (a
 *   contributing run that stopped without a failing result still counts as failed);
 * - `runId` / `lastSeq` are the NEWEST run's: live results stream from it alone.
 */
import { CHECK_TITLES } from './checks';
import { worstStatus, type CheckStatus, type RunStatus } from './types';
import { CLUSTER_HOST, parseCheckedHosts, toCheckView, type CheckedTarget, type PreflightCheckView, type PreflightRunView, type ResultRow } from './view';

export interface StoredPreflightRun {
  id: string;
  installId: string;
  status: string;
  hostsJson: string;
  startedAt: Date;
  finishedAt: Date | null;
  rows: readonly ResultRow[];
}

export interface Picture {
  view: PreflightRunView;
  /** What the picture checked, as the install gate's coverage reads a run (coverage.ts). */
  checked: { names: string[]; targets?: CheckedTarget[] };
  /** The result rows the picture shows (hosts' from their newest run, the cluster's from the full run). */
  rows: ResultRow[];
}

const asRunStatus = (s: string): RunStatus => (s === 'passed' || s === 'warned' || s === 'failed' ? s : 'running');

/** A run of every host: it checked each of `hosts`, or ran the cluster-wide checks (only a run of all hosts does). */
export function isFullRun(run: Pick<StoredPreflightRun, 'hostsJson' | 'rows'>, hosts: readonly string[]): boolean {
  const { names } = parseCheckedHosts(run.hostsJson);
  return run.rows.some((r) => r.host === CLUSTER_HOST) || hosts.every((h) => names.includes(h));
}

const order = [...CHECK_TITLES.keys()];
const byCatalog = (a: PreflightCheckView, b: PreflightCheckView) => order.indexOf(a.id) - order.indexOf(b.id) || a.seq - b.seq;

function group(rows: readonly ResultRow[]): { status: CheckStatus | 'pending'; checks: PreflightCheckView[] } {
  const checks = rows.map(toCheckView).sort(byCatalog);
  return { status: checks.length === 0 ? 'pending' : worstStatus(checks.map((c) => c.status)), checks };
}

/**
 * `runs` newest first; `currentHosts` the install's host names now, in config order. Null when there
 * is no run.
 */
export function latestPicture(runs: readonly StoredPreflightRun[], currentHosts: readonly string[]): Picture | null {
  const newest = runs[0];
  if (!newest) return null;
  const baseIndex = runs.findIndex((r) => isFullRun(r, currentHosts));
  const window = baseIndex < 0 ? runs.slice() : runs.slice(0, baseIndex + 1);
  const base = baseIndex < 0 ? undefined : runs[baseIndex];

  const parsed = window.map((run) => ({ run, ...parseCheckedHosts(run.hostsJson) }));
  const sourceOf = (host: string) => parsed.find((p) => p.names.includes(host));
  // every host the window checked, newest first wins: current hosts in config order, then removed ones
  const checkedNames = [...new Set(parsed.flatMap((p) => p.names))];
  const shown = [...currentHosts, ...checkedNames.filter((n) => !currentHosts.includes(n))];

  const rows: ResultRow[] = [];
  const hostRuns: { host: string; runId: string; startedAt: string }[] = [];
  const hosts = shown.map((name) => {
    const source = sourceOf(name);
    const own = source ? source.run.rows.filter((r) => r.host === name) : [];
    rows.push(...own);
    if (source) hostRuns.push({ host: name, runId: source.run.id, startedAt: source.run.startedAt.toISOString() });
    return { name, ...group(own) };
  });
  const clusterRows = base ? base.rows.filter((r) => r.host === CLUSTER_HOST) : [];
  rows.push(...clusterRows);

  const contributing = new Set([...hostRuns.map((h) => h.runId), ...(clusterRows.length > 0 && base ? [base.id] : [])]);
  const stopped = window.some((r) => contributing.has(r.id) && r.status === 'failed' && !r.rows.some((x) => x.status === 'fail'));
  const worst = worstStatus(rows.map((r) => (r.status === 'fail' || r.status === 'warn' ? r.status : 'pass')));
  const status: RunStatus =
    asRunStatus(newest.status) === 'running' ? 'running' : stopped || worst === 'fail' ? 'failed' : worst === 'warn' ? 'warned' : 'passed';

  const targets = parsed.every((p) => p.targets)
    ? checkedNames.map((n) => sourceOf(n)?.targets?.find((t) => t.name === n)).filter((t): t is CheckedTarget => t !== undefined)
    : undefined;
  const newestNames = parsed[0]?.names ?? [];
  const combined = window.length > 1;
  const view: PreflightRunView = {
    runId: newest.id,
    installId: newest.installId,
    status,
    startedAt: newest.startedAt.toISOString(),
    ...(newest.finishedAt ? { finishedAt: newest.finishedAt.toISOString() } : {}),
    hosts,
    cluster: group(clusterRows),
    lastSeq: newest.rows.reduce((m, r) => Math.max(m, r.seq), 0),
    ...(combined
      ? {
          combined: {
            hostRuns,
            newestHosts: newestNames,
            clusterRunId: base?.id ?? null,
            clusterCheckedAt: base ? base.startedAt.toISOString() : null,
          },
        }
      : {}),
  };
  return { view, checked: { names: checkedNames, ...(targets ? { targets } : {}) }, rows };
}
