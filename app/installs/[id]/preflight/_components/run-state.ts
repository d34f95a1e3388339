/**
 * Pure state helpers of the preflight page: apply a live result to the run view, the summary line,
 * and the matrix columns. Kept free of React so they are unit-tested.
 */
import type { PreflightCheckView, PreflightResultEvent, PreflightRunView } from '@/lib/api/preflight';
import type { CheckStatus } from '@/lib/api/preflight';

const CLUSTER = '*';

function worst(checks: readonly PreflightCheckView[]): CheckStatus | 'pending' {
  if (checks.length === 0) return 'pending';
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'warn')) return 'warn';
  return 'pass';
}

function upsert(checks: readonly PreflightCheckView[], check: PreflightCheckView): PreflightCheckView[] {
  const i = checks.findIndex((c) => c.id === check.id);
  if (i < 0) return [...checks, check];
  const next = [...checks];
  next[i] = check;
  return next;
}

export function applyResult(view: PreflightRunView, e: PreflightResultEvent): PreflightRunView {
  if (e.runId !== view.runId) return view;
  const lastSeq = Math.max(view.lastSeq, e.seq);
  if (e.host === CLUSTER) {
    const checks = upsert(view.cluster.checks, e.check);
    return { ...view, lastSeq, cluster: { status: worst(checks), checks } };
  }
  const known = view.hosts.some((h) => h.name === e.host);
  const hosts = (known ? view.hosts : [...view.hosts, { name: e.host, status: 'pending' as const, checks: [] }]).map((h) => {
    if (h.name !== e.host) return h;
    const checks = upsert(h.checks, e.check);
    return { ...h, checks, status: worst(checks) };
  });
  return { ...view, lastSeq, hosts };
}

export interface Column {
  id: string;
  title: string;
}

export function columnsOf(view: PreflightRunView): Column[] {
  const seen = new Map<string, string>();
  for (const h of view.hosts) for (const c of h.checks) if (!seen.has(c.id)) seen.set(c.id, c.title);
  return [...seen.entries()].map(([id, title]) => ({ id, title }));
}

/** "2 hosts fail, 1 host with warnings" / "All 3 hosts pass" / "Checking 3 hosts…". */
export function summaryLine(view: PreflightRunView): string {
  const failing = view.hosts.filter((h) => h.status === 'fail').length;
  const warning = view.hosts.filter((h) => h.status === 'warn').length;
  const warnChecks = [...view.hosts.flatMap((h) => h.checks), ...view.cluster.checks].filter((c) => c.status === 'warn').length;
  const clusterFail = view.cluster.checks.filter((c) => c.status === 'fail').length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (failing > 0) parts.push(`${plural(failing, 'host')} fail${failing === 1 ? 's' : ''}`);
  if (clusterFail > 0) parts.push(`${plural(clusterFail, 'cluster check')} fail${clusterFail === 1 ? 's' : ''}`);
  if (warnChecks > 0) parts.push(`${plural(warnChecks, 'warning')}${warning > 0 ? ` on ${plural(warning, 'host')}` : ''}`);
  if (view.status === 'running') {
    const what = view.combined ? `Re-checking ${view.combined.newestHosts.join(', ')}` : `Checking ${plural(view.hosts.length, 'host')}`;
    return `${what}…${parts.length ? ` so far: ${parts.join(', ')}` : ''}`;
  }
  if (parts.length === 0) return `All ${plural(view.hosts.length, 'host')} pass every check`;
  return parts.join(', ');
}
