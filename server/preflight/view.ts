/** The API shape of a preflight run (GET /api/preflight/:runId), built from its rows. Pure types + mapper. */
import { CHECK_TITLES } from './checks';
import type { LoginFingerprint } from './login-fingerprint';
import type { PreflightHost } from './preflight-hosts';
import { worstStatus, type CheckStatus, type RunStatus } from './types';

export interface PreflightCheckView {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
  hint?: string;
  evidence?: string;
  durationMs: number;
  seq: number;
}

export interface PreflightHostView {
  name: string;
  /** The installer machine outside the cluster (checked for the taskbox's part only), not a cluster host. */
  installerMachine?: true;
  /** Worst check so far; "pending" while the host has no result yet. */
  status: CheckStatus | 'pending';
  checks: PreflightCheckView[];
}

export interface PreflightRunView {
  runId: string;
  installId: string;
  status: RunStatus;
  startedAt: string;
  finishedAt?: string;
  hosts: PreflightHostView[];
  /** Cluster-wide checks (stored under host "*"). */
  cluster: { status: CheckStatus | 'pending'; checks: PreflightCheckView[] };
  lastSeq: number;
  /**
   * Set when the install's latest picture combines a full check with later re-checks of some hosts
   * (picture.ts): `runId`, `status` and `lastSeq` are then the newest run's.
   */
  combined?: CombinedPicture;
}

export interface CombinedPicture {
  /** Per host: the run its results come from, and when that run started. */
  hostRuns: { host: string; runId: string; startedAt: string }[];
  /** The hosts the newest run checks. */
  newestHosts: string[];
  /** The full check the cluster-wide section comes from (null: none covers the hosts as they are now). */
  clusterRunId: string | null;
  clusterCheckedAt: string | null;
}

/** A live message on room `preflight:<runId>`. */
export interface PreflightResultEvent {
  runId: string;
  seq: number;
  host: string;
  check: PreflightCheckView;
}
export { PREFLIGHT_STATUS_EVENT } from './stream-events';

export interface PreflightStatusEvent {
  runId: string;
  status: RunStatus;
}

export const CLUSTER_HOST = '*';

/**
 * One host as a preflight run checked it (PreflightRun.hostsJson; older rows hold names only, or
 * targets without `login`).
 */
export interface CheckedTarget {
  name: string;
  address: string;
  port: number;
  ip: string;
  roles: { master: boolean; etcd: boolean; worker: boolean };
  /** The installer machine outside the cluster (preflight-hosts.ts); absent for a cluster host. */
  installerMachine?: true;
  /** A host of the internal load balancer (preflight-hosts.ts); absent for a cluster host. */
  lbHost?: true;
  /** The login the check used, as a fingerprint (login-fingerprint.ts); absent in rows written before it was kept. */
  login?: LoginFingerprint;
}

/**
 * What a check of one host depended on, but its login; a later change of any of these needs a new
 * check (the login is added by login-fingerprint.ts checkedTargets, which needs the secrets).
 */
export function checkedTarget(h: PreflightHost): CheckedTarget {
  const target: CheckedTarget = { name: h.name, address: h.address, port: h.port, ip: h.ip, roles: { master: h.roles.master, etcd: h.roles.etcd, worker: h.roles.worker } };
  return { ...target, ...(h.installerMachine ? { installerMachine: true as const } : {}), ...(h.lbHost ? { lbHost: true as const } : {}) };
}

/** PreflightRun.hostsJson → the hosts it covers; `targets` is undefined for rows that kept names only. */
export function parseCheckedHosts(hostsJson: string): { names: string[]; targets?: CheckedTarget[] } {
  const raw = JSON.parse(hostsJson) as (string | CheckedTarget)[];
  const names = raw.map((h) => (typeof h === 'string' ? h : h.name));
  return raw.every((h) => typeof h !== 'string') ? { names, targets: raw as CheckedTarget[] } : { names };
}

export interface ResultRow {
  seq: number;
  host: string;
  checkId: string;
  status: string;
  message: string;
  hint: string | null;
  evidence: string | null;
  durationMs: number;
}

const asStatus = (s: string): CheckStatus => (s === 'fail' || s === 'warn' ? s : 'pass');

export function toCheckView(r: ResultRow): PreflightCheckView {
  return {
    id: r.checkId,
    title: CHECK_TITLES.get(r.checkId) ?? r.checkId,
    status: asStatus(r.status),
    message: r.message,
    ...(r.hint ? { hint: r.hint } : {}),
    ...(r.evidence ? { evidence: r.evidence } : {}),
    durationMs: r.durationMs,
    seq: r.seq,
  };
}

const order = [...CHECK_TITLES.keys()];
const byCatalog = (a: PreflightCheckView, b: PreflightCheckView) => order.indexOf(a.id) - order.indexOf(b.id) || a.seq - b.seq;

export function toRunView(
  run: { id: string; installId: string; status: string; hostsJson: string; startedAt: Date; finishedAt: Date | null },
  rows: readonly ResultRow[],
): PreflightRunView {
  const { names, targets } = parseCheckedHosts(run.hostsJson);
  const installerMachine = (name: string) => (targets?.some((t) => t.name === name && t.installerMachine) ? { installerMachine: true as const } : {});
  const checksOf = (host: string) => rows.filter((r) => r.host === host).map(toCheckView).sort(byCatalog);
  const group = (host: string) => {
    const checks = checksOf(host);
    return { status: checks.length === 0 ? ('pending' as const) : worstStatus(checks.map((c) => c.status)), checks };
  };
  const status: RunStatus = run.status === 'passed' || run.status === 'warned' || run.status === 'failed' ? run.status : 'running';
  return {
    runId: run.id,
    installId: run.installId,
    status,
    startedAt: run.startedAt.toISOString(),
    ...(run.finishedAt ? { finishedAt: run.finishedAt.toISOString() } : {}),
    hosts: names.map((name) => ({ name, ...installerMachine(name), ...group(name) })),
    cluster: group(CLUSTER_HOST),
    lastSeq: rows.reduce((m, r) => Math.max(m, r.seq), 0),
  };
}
