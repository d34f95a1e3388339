/** Contracts of install runs and day-2 operations: the run view (also the `run:state` event), the history, the install gate. */
import type { InstallStatus } from '@/lib/states';
import type { PreflightStatus } from './preflight';

export type OperationKind = 'add-nodes' | 'remove-node' | 'uninstall';
export const OPERATION_KINDS: readonly OperationKind[] = ['add-nodes', 'remove-node', 'uninstall'];
/** install, or the day-2 operation a run is. */
export type RunOperation = 'install' | OperationKind;

/** The statuses an install's run chain gives it (lib/states.ts). */
export type InstallChainStatus = Extract<InstallStatus, 'installing' | 'installed' | 'incomplete' | 'failed'>;

/** A failure the wizard recognises (server/runner/known-failures.ts): its cause and fix in operator words. */
export interface KnownFailure {
  id: string;
  cause: string;
  fix: string;
}

/** A host's first failed task in a stage; every text redacted before it was stored. */
export interface HostError {
  task: string;
  msg: string;
  stderr: string;
  stdout: string;
  file: string;
  known?: KnownFailure;
}

export interface HostView {
  name: string;
  status: string;
  ok: number;
  changed: number;
  failed: number;
  skipped: number;
  unreachable: number;
  error?: HostError;
}

export interface StageView {
  name: string;
  label: string;
  status: string;
  playbook: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  hosts: HostView[];
}

export interface ChainView {
  status: InstallChainStatus;
  /** True when every stage of the install succeeded on every host, across this chain's runs. */
  complete: boolean;
  /** Names of the stages still to run, in profile order. */
  remainingStages: string[];
  remaining: { stage: string; label: string; hosts: string[] }[];
  /** Operator words for `remaining` ('' when complete). */
  stillNeeds: string;
  /** Operator words for what this run got through ('' when it got through nothing). */
  thisRunDid: string;
  /** (stage, host) pairs done out of all the install needs. */
  progress: { done: number; total: number };
  /** The hosts the chain installs (what "all hosts" means on this page). */
  scope: string[];
  /** Ids of the chain's runs, oldest first. */
  runIds: string[];
}

export interface RetryAction {
  mode: 'resume' | 'failed';
  /** Operator words: the stages and hosts the new run will run. */
  does: string;
  stages: { name: string; label: string; hosts: string[] }[];
  /** Labels of the stages the install will still need after this run succeeds ([] = it finishes the install). */
  leaves: string[];
}

/** GET /api/runs/:id and the run stream's `run:state` event. */
export interface RunView {
  id: string;
  /** "Run 3", as the history numbers the install's runs. */
  label: string;
  installId: string;
  status: string;
  mode: string;
  parentRunId: string | null;
  /** "Run 2" for the run this one continues. */
  parentLabel: string | null;
  hosts: string[] | null;
  extraVars: Record<string, unknown>;
  error: string | null;
  errorKind: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  lastSeq: number;
  stages: StageView[];
  /** The install's chain this run belongs to: complete or not, and what it still needs. */
  chain: ChainView | null;
  /** What each retry of this run would do ("resume" finishes the install); [] while a run is active. */
  actions: RetryAction[];
  operation: RunOperation;
  /** The hosts a day-2 operation is about ([] for an install run). */
  targets: string[];
  /** After a failed add: the half-added hosts "Abandon" removes; [] otherwise. */
  abandon: string[];
}

/** One row of GET /api/installs/:id/runs (newest first). */
export interface RunSummary {
  id: string;
  status: string;
  mode: string;
  operation: string;
  parentRunId: string | null;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
  stages: { name: string; status: string }[];
}

/** 202 of POST …/runs, …/operations, /api/runs/:id/retry. */
export interface StartedRun {
  runId: string;
}

/** 202 of POST /api/runs/:id/cancel. */
export interface CancelAnswer {
  status: 'cancelled' | 'stopping';
}

export interface HostChecks {
  /** Inventory name, or "cluster" for cluster-wide checks. */
  host: string;
  checks: string[];
}

export type InstallGateCode =
  | 'ok'
  | 'no-preflight'
  | 'preflight-running'
  | 'secrets-held'
  | 'hosts-changed'
  | 'login-changed'
  | 'installer-bundle'
  | 'checks-failed'
  | 'warnings-not-acknowledged';

/** GET /api/installs/:id/install-gate, and `gate` of a 409 from POST …/runs or …/operations; the preflight page renders it as it is. */
export interface InstallGateView {
  ok: boolean;
  /** Why not, as a stable code for clients and tests. */
  code: InstallGateCode;
  /** True when the gate is open, or the operator's acknowledgement of the listed warnings is all it needs. */
  okWhenAcknowledged: boolean;
  /** There are warnings to read and acknowledge (the checks warned, or hosts of another install). */
  needsAcknowledgement: boolean;
  preflightRunId: string | null;
  preflightStatus: PreflightStatus | null;
  /** Hosts of the config the latest check did not cover, or covered as they were before a change. */
  hostsChanged: string[];
  /** Hosts whose login (user, address, port, auth kind, secrets) is not the one the latest check used. */
  loginChanged: string[];
  failing: HostChecks[];
  warnings: HostChecks[];
  /** Hosts that are also hosts of another install that has run (lib/config/cross-install-hosts.ts): warnings to acknowledge. */
  crossInstall: string[];
  /** Stored login secrets held back until the operator confirms them for the host's new address:port (code secrets-held): the field and what to do. */
  heldSecrets: { path: string; message: string }[];
  acknowledged: boolean;
  /** Operator words: what blocks the install and what to do. */
  message: string;
}
