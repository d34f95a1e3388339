/** Contracts of an installed cluster: the finish line and the cluster page. */
import type { ConsoleAddress } from '@/lib/installer/finish-line';
import type { ClusterMember } from '@/lib/config/rules/cluster-members';
import type { OperationKind, RunOperation } from './runs';

export interface KubeconfigStatus {
  stored: boolean;
  /** "<host>:<path>" it was read from */
  from: string | null;
  at: string | null;
}

/** GET /api/installs/:id/finish */
export interface FinishView {
  installed: boolean;
  console: ConsoleAddress | null;
  account: { user: string; password: string };
  kubeconfig: KubeconfigStatus;
  nextSteps: string[];
}

export interface CertExpiry {
  host: string;
  status: 'ok' | 'warn' | 'expired' | 'unknown';
  /** ISO date, null when it could not be read. */
  notAfter: string | null;
  daysLeft: number | null;
  message: string;
}

export interface ClusterOperationView {
  runId: string;
  operation: RunOperation;
  mode: string;
  status: string;
  parentRunId: string | null;
  targets: string[];
  createdAt: string;
  finishedAt: string | null;
}

export interface ClusterNodeView {
  name: string;
  address: string;
  roles: string[];
  state: string;
  stateNote: string | null;
  /** A node of the cluster (joined by the install or an add); false for a host not added yet. */
  joined: boolean;
  lastOperation: { runId: string; operation: RunOperation; status: string } | null;
}

/** GET /api/installs/:id/cluster[?certificates=1] */
export interface ClusterView {
  installId: string;
  name: string;
  status: string;
  nodes: ClusterNodeView[];
  operations: ClusterOperationView[];
  highRisk: readonly string[];
  addNodesEffect: string;
  uninstallDeletes: readonly string[];
  cleanByHand: string;
  /**
   * What the latest uninstall (and its retries) did on each host, since the last install run; null
   * when there was none. A host not cleaned comes with `cleanByHand`.
   */
  uninstall: { runId: string; hosts: { host: string; result: UninstallHostResult; words: string }[] } | null;
  /** null unless asked for (`?certificates=1`: it logs in to every master over SSH). */
  certificates: CertExpiry[] | null;
}

/** What an uninstall did on one host (server/operations/uninstall-results.ts). */
export type UninstallHostResult = 'cleaned' | 'unreachable' | 'failed' | 'not-reached';

export interface ActiveOperation {
  runId: string;
  /** "Run 3", as the history numbers it. */
  label: string;
  operation: OperationKind;
}

/** What the wizard needs to judge edits of an installed install: its nodes as they joined, the day-2 operation running on it. */
export interface ClusterEditState {
  members: ClusterMember[];
  activeOperation: ActiveOperation | null;
}
