/** Contracts of an installed cluster: the finish line and the cluster page. */
import type { ConsoleAddress } from '@/lib/installer/finish-line';
import type { RunOperation } from './runs';

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
  /** null unless asked for (`?certificates=1`: it logs in to every master over SSH). */
  certificates: CertExpiry[] | null;
}
