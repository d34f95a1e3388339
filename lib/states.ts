/**
 * Every status the wizard stores and shows, as closed lists shared by the server (writes, views)
 * and the browser (badges: lib/status-colors.ts). The database keeps them as strings; a value read
 * back is narrowed with the `is…` guards, never cast.
 */

/** An install: a draft with rule errors, ready to check, then its run chain's state (server/runner/chain-state.ts), or uninstalled by a day-2 operation. */
export const INSTALL_STATUSES = ['draft', 'ready', 'installing', 'installed', 'incomplete', 'failed', 'uninstalled'] as const;
export type InstallStatus = (typeof INSTALL_STATUSES)[number];

/** A node of the install (a Node row): what the last check or run found. */
export const NODE_STATES = ['unknown', 'reachable', 'ready', 'failed', 'pending', 'installing'] as const;
export type NodeState = (typeof NODE_STATES)[number];

/** A run, a stage of it, and one host of a stage share one state machine (server/status/run-states.ts). */
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A preflight check run, and one check's result in it. */
export const PREFLIGHT_STATUSES = ['running', 'passed', 'warned', 'failed'] as const;
export type PreflightStatus = (typeof PREFLIGHT_STATUSES)[number];
export const CHECK_STATUSES = ['pass', 'warn', 'fail'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

const member =
  <T extends string>(list: readonly T[]) =>
  (value: string): value is T =>
    (list as readonly string[]).includes(value);

export const isInstallStatus = member(INSTALL_STATUSES);
export const isNodeState = member(NODE_STATES);
export const isRunStatus = member(RUN_STATUSES);
