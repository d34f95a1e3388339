/**
 * The install gate, decided (pure): may a full install run, or a day-2 add of hosts, start now?
 * load-gate-facts.ts reads the facts; this is the only place that weighs them.
 *
 * In order, the first that holds refuses:
 * 1. no preflight picture, or one still running;
 * 2. login secrets held back for a host whose address or port changed (the wizard's field warning);
 * 3. the picture does not cover the hosts as they are now (the internal LB's hosts included), logins
 *    included (coverage.ts);
 * 4. failed checks — for an add, only those on a new host or cluster-wide: failures on the existing
 *    nodes (an apiserver port in use, an etcd data dir) are what a running cluster has;
 * 5. the installer bundle on the taskbox, looked at again now, does not pass;
 * 6. warnings (the checks' own, and hosts another install has run on) the operator did not acknowledge.
 * The bundle is looked at over SSH only when 1–4 let the decision reach it (`needsBundleLook`).
 */
import { crossInstallHostIssues, type HostIdentity, type KnownInstallHost } from '@/lib/config/cross-install-hosts';
import { CHECK_TITLES } from '../preflight/checks';
import type { CheckedLoginTarget } from '../preflight/login-fingerprint';
import type { Picture } from '../preflight/picture';
import type { CheckResult, RunStatus } from '../preflight/types';
import { CLUSTER_HOST } from '../preflight/view';
import { checkCoverage } from './coverage';
import type { HostChecks, InstallGateView } from '@/lib/api/runs';

/** A full install, or a day-2 add of `targets` to a cluster. */
export type GatePurpose = { kind: 'install' } | { kind: 'add-nodes'; targets: readonly string[] };

export interface GateFacts {
  purpose: GatePurpose;
  acknowledged: boolean;
  /** The latest preflight picture (picture.ts), or null when the hosts were never checked. */
  picture: (Pick<Picture, 'checked' | 'rows'> & { runId: string; status: RunStatus }) | null;
  /** The hosts preflight checks now (the installer machine outside the cluster included), in config order, with their login fingerprints. */
  now: readonly CheckedLoginTarget[];
  /** Per host whose stored login secrets are held back (host-shell.ts heldSecretsOf): operator words. */
  held: readonly string[];
  /** The fields of those held secrets, as the wizard shows them. */
  heldSecretIssues: readonly { path: string; message: string }[];
  /** The config's hosts, and the hosts of the other installs (cross-install-hosts.ts). */
  hosts: readonly Partial<HostIdentity>[];
  otherInstallHosts: readonly KnownInstallHost[];
  /** The installer bundle on the taskbox as looked at now; null when not looked at (needsBundleLook said no). */
  bundle: Pick<CheckResult, 'status' | 'message' | 'hint'> | null;
}

type Common = Omit<InstallGateView, 'ok' | 'code' | 'okWhenAcknowledged' | 'message'>;

/** "lab1 (sudo); the installer machine (Installer bundle)". */
function describe(list: readonly HostChecks[], label: (host: string) => string): string {
  return list.map((h) => `${label(h.host)} (${h.checks.map((id) => CHECK_TITLES.get(id) ?? id).join(', ')})`).join('; ');
}

function grouped(facts: GateFacts, status: 'fail' | 'warn'): HostChecks[] {
  const by = new Map<string, string[]>();
  for (const r of facts.picture?.rows ?? []) {
    if (r.status !== status) continue;
    const host = r.host === CLUSTER_HOST ? 'cluster' : r.host;
    by.set(host, [...(by.get(host) ?? []), r.checkId]);
  }
  const rank = (h: string) => (h === 'cluster' ? Infinity : facts.now.findIndex((x) => x.name === h));
  return [...by].sort(([a], [b]) => rank(a) - rank(b)).map(([host, checks]) => ({ host, checks: [...new Set(checks)] }));
}

const refuse = (
  common: Common,
  code: Exclude<InstallGateView['code'], 'ok' | 'warnings-not-acknowledged'>,
  message: string,
  more: Partial<Common> = {},
): InstallGateView => ({
  ...common,
  ...more,
  ok: false,
  okWhenAcknowledged: false,
  code,
  message,
});

/** Steps 1–5: a refusal, an early yes (an add whose failures are all on existing nodes), or on to the bundle. */
function beforeBundle(facts: GateFacts): { view: InstallGateView } | { common: Common } {
  const picture = facts.picture;
  const base: Common = {
    preflightRunId: picture?.runId ?? null,
    preflightStatus: picture?.status ?? null,
    needsAcknowledgement: picture?.status === 'warned',
    hostsChanged: [],
    loginChanged: [],
    failing: [],
    warnings: [],
    crossInstall: [],
    heldSecrets: [],
    acknowledged: facts.acknowledged,
  };
  if (!picture)
    return { view: refuse(base, 'no-preflight', 'The hosts have not been checked yet: run the host checks ("Check the hosts") before installing.') };
  if (picture.status === 'running')
    return { view: refuse(base, 'preflight-running', 'The host checks are still running: wait for them to finish, then install.') };
  if (facts.held.length > 0)
    return { view: refuse(base, 'secrets-held', `Confirm the stored logins first: ${facts.held.join('; ')}.`, { heldSecrets: [...facts.heldSecretIssues] }) };
  const uncovered = checkCoverage(facts.now, picture.checked);
  if (uncovered) {
    const hosts = uncovered.code === 'hosts-changed' ? { hostsChanged: uncovered.hosts } : { loginChanged: uncovered.hosts };
    return { view: refuse(base, uncovered.code, uncovered.message, hosts) };
  }
  const common = { ...base, failing: grouped(facts, 'fail'), warnings: grouped(facts, 'warn') };
  if (picture.status !== 'failed') return { common };
  const { purpose } = facts;
  if (purpose.kind === 'add-nodes' && common.failing.length > 0 && common.failing.every((h) => h.host !== 'cluster' && !purpose.targets.includes(h.host))) {
    return {
      view: {
        ...common,
        ok: true,
        okWhenAcknowledged: true,
        code: 'ok',
        message: 'The new hosts passed their checks (the failures are on nodes of the cluster).',
      },
    };
  }
  const what = common.failing.length > 0 ? describe(common.failing, labelOf(facts)) : 'the check run did not finish';
  return { view: refuse(common, 'checks-failed', `Host checks failed: ${what}. Fix them and check the hosts again before installing.`) };
}

/** A host as the operator reads it: the installer machine outside the cluster is "the installer machine", an internal LB's host "LB host <name>". */
const labelOf = (facts: GateFacts) => (host: string) => {
  const target = facts.now.find((m) => m.name === host);
  return target?.installerMachine ? 'the installer machine' : target?.lbHost ? `LB host ${host}` : host;
};

/** Whether the decision reaches the installer bundle: only then is it worth an SSH look. */
export function needsBundleLook(facts: Omit<GateFacts, 'bundle'>): boolean {
  return 'common' in beforeBundle({ ...facts, bundle: null });
}

export function decideInstallGate(facts: GateFacts): InstallGateView {
  const early = beforeBundle(facts);
  if ('view' in early) return early.view;
  const { common } = early;
  if (!facts.bundle) throw new Error('the install gate reached the installer bundle without looking at it (needsBundleLook)');
  if (facts.bundle.status === 'fail') return refuse(common, 'installer-bundle', `${facts.bundle.message}${facts.bundle.hint ? ` ${facts.bundle.hint}` : ''}`);
  // A host that another install has already run on is a warning like the checks' own: the operator
  // may be moving the machine on purpose, but says so.
  const crossInstall = crossInstallHostIssues(facts.hosts, facts.otherInstallHosts)
    .filter((i) => i.severity === 'warning')
    .map((i) => i.message);
  const warned = common.preflightStatus === 'warned';
  const decided = { ...common, crossInstall, needsAcknowledgement: warned || crossInstall.length > 0 };
  if ((!warned && crossInstall.length === 0) || facts.acknowledged)
    return { ...decided, ok: true, okWhenAcknowledged: true, code: 'ok', message: 'The hosts passed their checks.' };
  const what = [
    ...(warned ? [`The host checks left warnings: ${describe(common.warnings, labelOf(facts))}.`] : []),
    ...(crossInstall.length > 0 ? [`Hosts of another install: ${crossInstall.join(' ')}`] : []),
  ];
  return {
    ...decided,
    ok: false,
    okWhenAcknowledged: true,
    code: 'warnings-not-acknowledged',
    message: `${what.join(' ')} Read them, then acknowledge them to install (acknowledgeWarnings: true).`,
  };
}
