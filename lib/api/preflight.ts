/** Contracts of the preflight: a run's picture, its live items, the host keys. */

export type CheckStatus = 'pass' | 'warn' | 'fail';
export type PreflightStatus = 'running' | 'passed' | 'warned' | 'failed';

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

/** GET /api/preflight/:runId and GET /api/installs/:id/preflight/latest (or null there). */
export interface PreflightRunView {
  runId: string;
  installId: string;
  status: PreflightStatus;
  startedAt: string;
  finishedAt?: string;
  hosts: PreflightHostView[];
  /** Cluster-wide checks (stored under host "*"). */
  cluster: { status: CheckStatus | 'pending'; checks: PreflightCheckView[] };
  lastSeq: number;
  /**
   * Set when the install's latest picture combines a full check with later re-checks of some hosts
   * (server/preflight/picture.ts): `runId`, `status` and `lastSeq` are then the newest run's.
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

/** One item of the `preflight` live stream (lib/live/events.ts). */
export interface PreflightResultEvent {
  runId: string;
  seq: number;
  host: string;
  check: PreflightCheckView;
}

/** The `preflight:status` state event of the stream. */
export interface PreflightStatusEvent {
  runId: string;
  status: PreflightStatus;
}

export type HostKeyState = 'new' | 'trusted' | 'changed';

/** One row of GET /api/installs/:id/host-keys; POST …/host-keys/trust {host, fingerprint} answers one. */
export interface HostKeyView {
  host: string;
  address: string;
  algorithm: string;
  fingerprint: string;
  state: HostKeyState;
  firstSeen: string;
  pendingFingerprint?: string;
  pendingSeenAt?: string;
}

/** A key as the operator was shown it: the host, the fingerprint on the screen and, from the list, its endpoint. */
export interface ShownHostKey {
  host: string;
  fingerprint: string;
  /** The endpoint (address:port) of the key shown; without it, the endpoint the host points at now. */
  address?: string;
}

/**
 * Why a shown key was not trusted: `changed-since-shown` (the stored fingerprint is no longer the
 * one sent), `not-new` (already trusted, or the host now presents another key: see `state`),
 * `unknown-host` (no key recorded for that host in this install).
 */
export type SkipReason = 'changed-since-shown' | 'not-new' | 'unknown-host';
export interface SkippedHostKey extends ShownHostKey {
  reason: SkipReason;
  /** The key's state now (absent for an unknown host). */
  state?: HostKeyState;
  /** The fingerprint stored now, when it differs from the one sent. */
  currentFingerprint?: string;
}

/** POST /api/installs/:id/host-keys/trust {keys}: "Trust all new keys" for the keys shown. */
export interface TrustedHostKeys {
  trusted: string[];
  skipped: SkippedHostKey[];
  keys: HostKeyView[];
}
