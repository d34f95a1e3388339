/**
 * Hosts this install shares with other installs the wizard knows (pain point 12: a reused IP
 * wrecked a cluster). The config rules refuse duplicates *within* an install; this compares one
 * install's hosts with the hosts of every other install. Pure: the server gathers the other
 * installs' hosts (no secrets: name, address, port, internal IP, taskbox flag, install status and
 * last run), the wizard re-runs this on every keystroke against those.
 *
 * What counts as the same machine:
 * - the SSH address (the taskbox's too: the wizard logs in to it there) equals the other host's SSH
 *   address on the same port, or its internal IP. Same address on another port is taken as another
 *   machine behind one NAT / jump address;
 * - the internal IP equals the other host's internal IP or SSH address.
 * A same inventory name alone is ignored: names such as master1 repeat across clusters.
 *
 * Severity: `warning` when the other install may already have changed the machine (installing,
 * installed, failed, or any run started); `info` when it is only a plan (draft / ready, never run).
 * Warnings never block: the operator may be moving a machine on purpose.
 * One issue per (host, other host) pair, at the SSH address field when that matched, else at the
 * internal IP field, so a host whose address and IP both match is one line in Review.
 */
import type { WizardStepId } from './steps';

export interface HostIdentity {
  name: string;
  address: string;
  ip: string;
  port: number;
  taskbox: boolean;
}

/** A host of another install, as the server reports it. */
export interface KnownInstallHost extends HostIdentity {
  installId: string;
  installName: string;
  /** Install.status: draft | ready | installing | installed | failed. */
  installStatus: string;
  /** When its newest run that started finished (or started, while running); ISO, null if never run. */
  lastRunAt: string | null;
}

export type CrossInstallSeverity = 'warning' | 'info';

export interface CrossInstallIssue {
  severity: CrossInstallSeverity;
  code: 'host.in-other-install';
  /** `hosts.<i>.address` or `hosts.<i>.ip`. */
  path: string;
  step: WizardStepId;
  message: string;
  other: { installId: string; installName: string; installStatus: string; host: string };
}

/** Statuses of an install whose runner may have touched its hosts. */
const TOUCHED_STATUSES = new Set(['installing', 'installed', 'incomplete', 'failed']);

const norm = (value: string | undefined): string => (value ?? '').trim().toLowerCase();

/** The other install may have changed the machine already. */
export function installTouchedHosts(known: Pick<KnownInstallHost, 'installStatus' | 'lastRunAt'>): boolean {
  return TOUCHED_STATUSES.has(known.installStatus) || known.lastRunAt !== null;
}

const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '');

/** "installed 2026-11-20", "being installed now", "not installed yet", ... */
export function describeOtherInstall(known: Pick<KnownInstallHost, 'installStatus' | 'lastRunAt'>): string {
  const when = day(known.lastRunAt);
  switch (known.installStatus) {
    case 'installed':
      return when ? `installed ${when}` : 'installed';
    case 'installing':
      return 'being installed now';
    case 'failed':
      return when ? `its install failed ${when}` : 'its install failed';
    case 'incomplete':
      return when ? `partly installed ${when}` : 'partly installed';
    default:
      return when ? `${known.installStatus}, last run ${when}` : `${known.installStatus}, not installed yet`;
  }
}

function issueFor(index: number, field: 'address' | 'ip', value: string, other: KnownInstallHost): CrossInstallIssue {
  const touched = installTouchedHosts(other);
  const where = `${other.name || 'a host'} in install "${other.installName}" (${describeOtherInstall(other)})`;
  const advice = touched
    ? `Installing here would reset that node; remove it from "${other.installName}" first or use another host.`
    : `Only one cluster can own a machine: if both get installed, the second one resets it.`;
  return {
    severity: touched ? 'warning' : 'info',
    code: 'host.in-other-install',
    path: `hosts.${index}.${field}`,
    step: 'hosts',
    message: `${value} is also ${where}. ${advice}`,
    other: { installId: other.installId, installName: other.installName, installStatus: other.installStatus, host: other.name },
  };
}

export function crossInstallHostIssues(hosts: readonly Partial<HostIdentity>[], known: readonly KnownInstallHost[]): CrossInstallIssue[] {
  const issues: CrossInstallIssue[] = [];
  hosts.forEach((host, index) => {
    const address = norm(host.address);
    const ip = norm(host.ip);
    if (address === '' && ip === '') return;
    for (const other of known) {
      const otherAddress = norm(other.address);
      const otherIp = norm(other.ip);
      const addressMatches = address !== '' && ((address === otherAddress && host.port === other.port) || address === otherIp);
      const ipMatches = ip !== '' && (ip === otherIp || ip === otherAddress);
      if (addressMatches) issues.push(issueFor(index, 'address', (host.address ?? '').trim(), other));
      else if (ipMatches) issues.push(issueFor(index, 'ip', (host.ip ?? '').trim(), other));
    }
  });
  return issues;
}
