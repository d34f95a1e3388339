/**
 * The preflight model shared by the check catalog, the per-host runner, the run service and the API.
 *
 * A check never throws: it turns facts (parsed command output) into one result with a status, a
 * message an operator can act on, a fix hint, and the evidence (the relevant raw output).
 */
import type { ProfileLeniency } from '@/lib/config/profile-leniency';
import type { Host, InstallConfig, Role } from '@/lib/config/schema';
import type { CheckStatus, PreflightStatus } from '@/lib/api/preflight';
import type { TaskboxLook } from './gather-taskbox';
import type { HostFacts } from './parse/facts';

export type { CheckStatus } from '@/lib/api/preflight';
/** A preflight run's status (lib/api/preflight.ts). */
export type RunStatus = PreflightStatus;

export interface CheckResult {
  status: CheckStatus;
  message: string;
  hint?: string;
  evidence?: string;
}

/** One finished check of one host ("*" = cluster-wide). */
export interface CheckOutcome extends CheckResult {
  id: string;
  title: string;
  host: string;
  durationMs: number;
}

export interface HostCheckContext {
  host: Host;
  config: InstallConfig;
  facts: HostFacts;
  /** The installer profile's leniency (lib/config/profile-leniency.ts): 'warn' turns documented resource minimums into warnings. */
  minimums: ProfileLeniency['resourceMinimums'];
  /** The taskbox only: what the taskbox script found (bundle, Ansible, Python); absent when it was not looked at (no login). */
  taskbox?: TaskboxLook;
}

export interface HostCheck {
  id: string;
  title: string;
  /** Which hosts the check runs on; undefined = every host. */
  appliesTo?: (roles: readonly Role[]) => boolean;
  /** undefined = nothing to check for this host and config (no row is recorded). */
  run(ctx: HostCheckContext): CheckResult | undefined;
}

export interface ClusterCheckContext {
  config: InstallConfig;
  /** Facts of every host that could be gathered, by inventory name. */
  facts: ReadonlyMap<string, HostFacts>;
  /** Facts of the internal load balancer's hosts that could be gathered, by name. */
  lbFacts?: ReadonlyMap<string, HostFacts>;
  minimums: ProfileLeniency['resourceMinimums'];
  /** TCP connect from the wizard's machine (taskbox stand-in). */
  tcpProbe: (host: string, port: number, timeoutMs: number) => Promise<TcpProbeResult>;
}

export interface ClusterCheck {
  id: string;
  title: string;
  run(ctx: ClusterCheckContext): Promise<CheckResult | undefined> | CheckResult | undefined;
}

export type TcpProbeKind = 'open' | 'refused' | 'unreachable' | 'timeout' | 'dns' | 'error';
export interface TcpProbeResult {
  target: string;
  kind: TcpProbeKind;
  detail: string;
}

export function hostRoles(host: Host): Role[] {
  const roles: Role[] = [];
  if (host.roles.master) roles.push('master');
  if (host.roles.etcd) roles.push('etcd');
  if (host.roles.worker) roles.push('worker');
  return roles;
}

/** Worst of the statuses: fail > warn > pass. */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'pass';
  for (const s of statuses) {
    if (s === 'fail') return 'fail';
    if (s === 'warn') worst = 'warn';
  }
  return worst;
}
