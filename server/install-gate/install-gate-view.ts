/**
 * The install gate's answer, as GET /api/installs/:id/install-gate returns it and a refused
 * POST …/runs or …/operations carries it (`gate`). The preflight page renders it as it is.
 */
import type { RunStatus } from '../preflight/types';

export interface HostChecks {
  /** Inventory name, or "cluster" for cluster-wide checks. */
  host: string;
  checks: string[];
}

export type InstallGateCode =
  | 'ok'
  | 'internal-lb-unchecked'
  | 'no-preflight'
  | 'preflight-running'
  | 'secrets-held'
  | 'hosts-changed'
  | 'login-changed'
  | 'installer-bundle'
  | 'checks-failed'
  | 'warnings-not-acknowledged';

export interface InstallGateView {
  ok: boolean;
  /** Why not, as a stable code for clients and tests. */
  code: InstallGateCode;
  /** True when the gate is open, or the operator's acknowledgement of the listed warnings is all it needs. */
  okWhenAcknowledged: boolean;
  /** There are warnings to read and acknowledge (the checks warned, or hosts of another install). */
  needsAcknowledgement: boolean;
  preflightRunId: string | null;
  preflightStatus: RunStatus | null;
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
