/**
 * Does a preflight run cover the hosts as they are now? Pure: the install gate
 * (decide-install-gate.ts) passes the current hosts (checkedTargets, logins included)
 * and what the run recorded (parseCheckedHosts of its hostsJson).
 *
 * Covered means: every current host, and an installer machine outside the cluster (`installer`,
 * "the installer machine" in messages), was checked with the same name, SSH address/port, internal
 * IP and roles, and as the same kind of machine (else "hosts-changed"), and with the same login —
 * user, address, port, auth kind and secret values, compared by fingerprint (else
 * "login-changed"). No host of the run was removed.
 * A run that recorded names only cannot tell targets apart: every host counts as changed. A run
 * that recorded targets without logins (before they were kept) cannot vouch for the current login:
 * its hosts count as "login-changed" too, with a message that says why.
 */
import { sameLogin, type CheckedLoginTarget } from '../preflight/login-fingerprint';
import type { CheckedTarget } from '../preflight/view';

export type CoverageRefusal = {
  code: 'hosts-changed' | 'login-changed';
  /** The hosts to check again. */
  hosts: string[];
  /** Operator words. */
  message: string;
};

const sameTarget = (a: CheckedTarget, b: CheckedTarget) =>
  a.name === b.name &&
  (a.installerMachine ?? false) === (b.installerMachine ?? false) &&
  (a.lbHost ?? false) === (b.lbHost ?? false) &&
  a.address === b.address &&
  a.port === b.port &&
  a.ip === b.ip &&
  a.roles.master === b.roles.master &&
  a.roles.etcd === b.roles.etcd &&
  a.roles.worker === b.roles.worker;

function changedHosts(now: readonly CheckedTarget[], checked: { names: string[]; targets?: CheckedTarget[] }): string[] {
  const changed = now.filter((t) => {
    if (!checked.targets) return true; // an old run that recorded names only: cannot tell, check again
    const then = checked.targets.find((c) => c.name === t.name);
    return !then || !sameTarget(then, t);
  });
  const removed = checked.names.filter((n) => !now.some((t) => t.name === n));
  return [...changed.map((t) => t.name), ...removed];
}

const LOGIN_CHANGED = (hosts: string) => `The login details of ${hosts} changed after the last host check; run the checks again.`;
const LOGIN_UNRECORDED = (hosts: string) =>
  `The last host check did not record the login details of ${hosts} (it ran before the wizard kept them), so it cannot vouch for them; run the checks again.`;

/** Names as the operator reads them: the external installer machine is "the installer machine". */
function wordsFor(names: readonly string[], ...lists: (readonly CheckedTarget[] | undefined)[]): string {
  const installer = (name: string) => lists.some((list) => list?.some((t) => t.name === name && t.installerMachine));
  return names.map((n) => (installer(n) ? 'the installer machine' : n)).join(', ');
}

/** null when `checked` covers `now` (targets and logins); else why not, naming the hosts. */
export function checkCoverage(now: readonly CheckedLoginTarget[], checked: { names: string[]; targets?: CheckedTarget[] }): CoverageRefusal | null {
  const hosts = changedHosts(now, checked);
  const words = (names: readonly string[]) => wordsFor(names, now, checked.targets);
  if (hosts.length > 0) {
    // A per-host re-run covers some hosts only: say so rather than "changed".
    const partial =
      checked.targets !== undefined && checked.names.length < now.length && hosts.every((h) => !checked.names.includes(h) && now.some((x) => x.name === h));
    return {
      code: 'hosts-changed',
      hosts,
      message: partial
        ? `The last check covered ${words(checked.names)} only: check all hosts ("Check hosts") before installing.`
        : `The hosts changed since the last check (${words(hosts)}): check them again before installing.`,
    };
  }
  const changed: string[] = [];
  const unrecorded: string[] = [];
  for (const t of now) {
    const then = checked.targets?.find((c) => c.name === t.name)?.login;
    if (!then) unrecorded.push(t.name);
    else if (!sameLogin(then, t.login)) changed.push(t.name);
  }
  if (changed.length > 0) return { code: 'login-changed', hosts: changed, message: LOGIN_CHANGED(words(changed)) };
  if (unrecorded.length > 0) return { code: 'login-changed', hosts: unrecorded, message: LOGIN_UNRECORDED(words(unrecorded)) };
  return null;
}
