/**
 * The server side of the install gate: may a FULL install run start now?
 *
 * The decision of server/preflight/gate.ts (a finished preflight, no failure, warnings only when
 * acknowledged), applied to the install's LATEST preflight picture as stored (the newest full check
 * with later re-checks of some hosts applied: server/preflight/picture.ts), plus one more condition
 * the page cannot see: that picture must have checked every host of the current config as it is now
 * (same names, SSH address/port, internal IP and roles), and the installer machine when it is outside
 * the cluster, with the login each has now (user, auth
 * kind, secret values: compared by keyed fingerprint, server/preflight/coverage.ts), and the installer
 * bundle on the taskbox must still pass its check as the settings are now (looked at again here,
 * over a short SSH connection to the taskbox pinned to its recorded host key).
 * A config with rule errors is refused before any of this (422 with the errors).
 *
 * `startInstallRun` is the one public way to a new full run (POST /api/installs/:id/runs). Retries
 * (`retryRun`) are not gated: they continue a chain whose first run passed this gate. `createRun`
 * stays ungated for tests and tools; the gate runs inside its mutex, so nothing slips in between.
 */
import { z } from 'zod';
import { crossInstallHostIssues } from '@/lib/config/cross-install-hosts';
import { getDb } from '../db';
import { HttpError, NotFoundError, ValidationError } from '../http/errors';
import { checkInstallConfig } from '../installs/check-install-config';
import { readStoredSecrets } from '../installs/install-secrets';
import { findOtherInstallHosts } from '../installs/find-cross-install-hosts';
import { fillSecrets } from '../installs/merge-secrets';
import { collectIssues } from '@/lib/config/rules';
import { heldSecretsOf } from '../preflight/host-shell';
import { parseStoredConfig } from '../installs/parse-stored-config';
import { CHECK_TITLES } from '../preflight/checks';
import { checkCoverage } from '../preflight/coverage';
import { installGate } from '../preflight/gate';
import { checkedTargets } from '../preflight/login-fingerprint';
import { preflightHosts } from '../preflight/preflight-hosts';
import { recheckTaskboxBundle } from '../preflight/recheck-taskbox-bundle';
import type { RunStatus } from '../preflight/types';
import { loadLatestPicture } from '../preflight/load-picture';
import { CLUSTER_HOST } from '../preflight/view';
import { createRun, createRunInput } from './create-run';

export interface HostChecks {
  /** Inventory name, or "cluster" for cluster-wide checks. */
  host: string;
  checks: string[];
}

export interface InstallGateView {
  ok: boolean;
  /** Why not, as a stable code for clients and tests. */
  code: 'ok' | 'no-preflight' | 'preflight-running' | 'secrets-held' | 'hosts-changed' | 'login-changed' | 'installer-bundle' | 'checks-failed' | 'warnings-not-acknowledged';
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

/** The body of POST /api/installs/:id/runs: a run's input plus the warnings acknowledgement. */
export const startInstallInput = createRunInput.extend({ acknowledgeWarnings: z.boolean().optional() });
export type StartInstallInput = z.infer<typeof startInstallInput>;

/** "lab1 (sudo); the installer machine (Installer bundle)": `label` names a host as the operator reads it. */
function describe(list: HostChecks[], label: (host: string) => string): string {
  return list.map((h) => `${label(h.host)} (${h.checks.map((id) => CHECK_TITLES.get(id) ?? id).join(', ')})`).join('; ');
}

/** Reads the install's latest preflight and decides (no side effects). */
export async function checkInstallGate(installId: string, acknowledged: boolean): Promise<InstallGateView> {
  const db = getDb();
  const row = await db.install.findUnique({ where: { id: installId } });
  if (!row) throw new NotFoundError(`install ${installId} not found`);
  const config = parseStoredConfig(row);
  // the latest picture: the newest full check with later re-checks of some hosts applied
  const picture = await loadLatestPicture(row);
  const base = { preflightRunId: picture?.view.runId ?? null, hostsChanged: [] as string[], loginChanged: [] as string[], failing: [] as HostChecks[], warnings: [] as HostChecks[], crossInstall: [] as string[], heldSecrets: [] as { path: string; message: string }[], acknowledged };
  if (!picture) {
    return { ...base, ok: false, code: 'no-preflight', preflightStatus: null, message: 'The hosts have not been checked yet: run the host checks ("Check the hosts") before installing.' };
  }
  const status: RunStatus = picture.view.status;
  const common = { ...base, preflightStatus: status };
  if (status === 'running') {
    return { ...common, ok: false, code: 'preflight-running', message: 'The host checks are still running: wait for them to finish, then install.' };
  }

  // the current hosts with their logins: secrets are decrypted here only to be fingerprinted (and
  // to log in to the taskbox for the bundle's look below)
  const stored = readStoredSecrets(row);
  const withSecrets = fillSecrets(config, stored.values, stored.endpoints);
  const machines = preflightHosts(withSecrets);
  // a login secret kept or copied to a host whose address or port changed is sent nowhere until
  // confirmed: the same warning the wizard shows at the field (lib/config/rules/ssh-login.ts)
  const held = machines.map(heldSecretsOf).filter((m): m is string => m !== undefined);
  if (held.length > 0) {
    const heldSecrets = collectIssues(config).filter((i) => i.code.endsWith('.secret-held')).map(({ path, message }) => ({ path, message }));
    return { ...common, heldSecrets, ok: false, code: 'secrets-held', message: `Confirm the stored logins first: ${held.join('; ')}.` };
  }
  const now = checkedTargets(installId, machines);
  const refusal = checkCoverage(now, picture.checked);
  if (refusal) {
    const hosts = refusal.code === 'hosts-changed' ? { hostsChanged: refusal.hosts } : { loginChanged: refusal.hosts };
    return { ...common, ...hosts, ok: false, code: refusal.code, message: refusal.message };
  }

  const rows = picture.rows.filter((r) => r.status === 'fail' || r.status === 'warn');
  const group = (status: string): HostChecks[] => {
    const by = new Map<string, string[]>();
    for (const r of rows.filter((x) => x.status === status)) {
      const host = r.host === CLUSTER_HOST ? 'cluster' : r.host;
      by.set(host, [...(by.get(host) ?? []), r.checkId]);
    }
    const rank = (h: string) => (h === 'cluster' ? Infinity : machines.findIndex((x) => x.name === h));
    return [...by].sort(([a], [b]) => rank(a) - rank(b)).map(([host, checks]) => ({ host, checks: [...new Set(checks)] }));
  };
  const label = (host: string) => {
    const m = machines.find((x) => x.name === host);
    return m?.installerMachine ? 'the installer machine' : m?.lbHost ? `LB host ${host}` : host;
  };
  const failing = group('fail');
  const warnings = group('warn');
  if (status === 'failed') {
    const what = failing.length > 0 ? describe(failing, label) : 'the check run did not finish';
    return { ...common, failing, warnings, ok: false, code: 'checks-failed', message: `Host checks failed: ${what}. Fix them and check the hosts again before installing.` };
  }
  // The installer settings, or the bundle on the taskbox, may have changed since a check that
  // passed: look at the bundle there again now, as the stages will find it.
  const bundle = await recheckTaskboxBundle(installId, withSecrets);
  if (bundle.status === 'fail') {
    return { ...common, failing, warnings, ok: false, code: 'installer-bundle', message: `${bundle.message}${bundle.hint ? ` ${bundle.hint}` : ''}` };
  }
  // A host that another install has already run on is a warning like the checks' own: the operator
  // may be moving the machine on purpose, but says so.
  const crossInstall = crossInstallHostIssues(config.hosts, await findOtherInstallHosts(installId)).filter((i) => i.severity === 'warning').map((i) => i.message);
  const decided = { ...common, failing, warnings, crossInstall };
  const decision = installGate({ status }, acknowledged);
  if (decision.ok && (crossInstall.length === 0 || acknowledged)) return { ...decided, ok: true, code: 'ok', message: 'The hosts passed their checks.' };
  const what = [
    ...(status === 'warned' ? [`The host checks left warnings: ${describe(warnings, label)}.`] : []),
    ...(crossInstall.length > 0 ? [`Hosts of another install: ${crossInstall.join(' ')}`] : []),
  ];
  return {
    ...decided,
    ok: false,
    code: 'warnings-not-acknowledged',
    message: `${what.join(' ')} Read them, then acknowledge them to install (acknowledgeWarnings: true).`,
  };
}

/** Throws 422 (config rule errors) or 409 `{error, gate}` unless a full install may start now. */
export async function assertInstallGate(installId: string, acknowledged: boolean): Promise<InstallGateView> {
  const row = await getDb().install.findUnique({ where: { id: installId } });
  if (!row) throw new NotFoundError(`install ${installId} not found`);
  const { errors, warnings } = checkInstallConfig(parseStoredConfig(row));
  if (errors.length > 0) throw new ValidationError(errors, warnings);
  const gate = await checkInstallGate(installId, acknowledged);
  if (!gate.ok) throw new HttpError(409, gate.message, {}, { gate });
  return gate;
}

/** POST /api/installs/:id/runs: a full install run, behind the gate (checked inside createRun's mutex). */
export async function startInstallRun(installId: string, input: StartInstallInput): Promise<string> {
  const { acknowledgeWarnings, ...runInput } = input;
  return createRun(installId, runInput, { gate: () => assertInstallGate(installId, acknowledgeWarnings === true).then(() => undefined) });
}
