/** The API shape of a preflight run (GET /api/preflight/:runId), built from its rows. Pure types + mapper. */
import { z } from 'zod';
import { decodeJsonColumn } from '../db-json';
import { CHECK_TITLES } from './checks';
import type { LoginFingerprint } from './login-fingerprint';
import type { PreflightHost } from './preflight-hosts';
import { worstStatus, type CheckStatus, type RunStatus } from './types';
import type { PreflightCheckView, PreflightHostView, PreflightRunView, CombinedPicture, PreflightResultEvent, PreflightStatusEvent } from '@/lib/api/preflight';

export type { PreflightCheckView, PreflightHostView, PreflightRunView, CombinedPicture, PreflightResultEvent, PreflightStatusEvent };

export { PREFLIGHT_STATUS_EVENT } from '@/lib/live/events';

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
  const target: CheckedTarget = {
    name: h.name,
    address: h.address,
    port: h.port,
    ip: h.ip,
    roles: { master: h.roles.master, etcd: h.roles.etcd, worker: h.roles.worker },
  };
  return { ...target, ...(h.installerMachine ? { installerMachine: true as const } : {}), ...(h.lbHost ? { lbHost: true as const } : {}) };
}

/** PreflightRun.hostsJson → the hosts it covers; `targets` is undefined for rows that kept names only. */
export function parseCheckedHosts(hostsJson: string): { names: string[]; targets?: CheckedTarget[] } {
  const raw = decodeJsonColumn(checkedHosts, hostsJson, "a preflight run's hostsJson");
  const names = raw.map((h) => (typeof h === 'string' ? h : h.name));
  const targets = raw.filter((h): h is CheckedTarget => typeof h !== 'string');
  return targets.length === raw.length ? { names, targets } : { names };
}

const checkedTargetSchema = z.object({
  name: z.string(),
  address: z.string(),
  port: z.number(),
  ip: z.string(),
  roles: z.object({ master: z.boolean(), etcd: z.boolean(), worker: z.boolean() }),
  installerMachine: z.literal(true).optional(),
  lbHost: z.literal(true).optional(),
  login: z.object({ user: z.string(), address: z.string(), port: z.number(), auth: z.enum(['password', 'key']), secrets: z.string() }).optional(),
}) satisfies z.ZodType<CheckedTarget>;
/** Names (older rows) or targets. */
const checkedHosts = z.array(z.union([z.string(), checkedTargetSchema]));

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
  const checksOf = (host: string) =>
    rows
      .filter((r) => r.host === host)
      .map(toCheckView)
      .sort(byCatalog);
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
