/** Contracts of /api/installs (one install, the list, host conflicts) and /api/lab. */
import type { CrossInstallIssue, KnownInstallHost } from '@/lib/config/cross-install-hosts';
import type { ConfigIssueWithStep } from '@/lib/config/issues';
import type { InstallConfig } from '@/lib/config/schema';
import type { InstallStatus } from '@/lib/states';
import type { FieldIssue } from './errors';

/**
 * GET/PUT /api/installs/:id, POST /api/installs, POST /api/installs/:id/use-lab: one install, its
 * config with secrets as `{set}` only, and the rules it breaks now.
 */
export interface InstallView {
  id: string;
  name: string;
  status: InstallStatus;
  step: string;
  config: InstallConfig;
  errors: ConfigIssueWithStep[];
  warnings: ConfigIssueWithStep[];
  createdAt: string;
  updatedAt: string;
}

/** POST /api/installs/import: the new install, with the files' own warnings (file:line) first. */
export interface ImportedInstall extends Omit<InstallView, 'warnings'> {
  warnings: (FieldIssue & { step?: string })[];
}

/** One row of GET /api/installs. */
export interface InstallSummary {
  id: string;
  name: string;
  status: string;
  hosts: number;
  /** Install runs so far (the list links to their history when there are any). */
  runs: number;
  /** Stages the install's current run chain still has to run (0 when installed; null without runs). */
  remainingStages: number | null;
  updatedAt: string;
}

export interface InstallList {
  installs: InstallSummary[];
}

/** GET /api/installs/:id/host-conflicts */
export interface CrossInstallHosts {
  /** Issues for the install's stored config. */
  issues: CrossInstallIssue[];
  /** Every host of every other install. */
  knownHosts: KnownInstallHost[];
}

/** GET /api/lab: the local lab, never its password. */
export interface LabView {
  up: boolean;
  hosts: { name: string; address: string; up: boolean }[];
}
