/**
 * The checks every SSH login shares (a cluster host, the taskbox, an installer machine outside the
 * cluster): address, port, user, sudo password for a non-root user, and a credential that is set.
 * Each issue is at the exact field of the login (`hosts.2.port`, `installer.machine.auth`).
 */
import type { HostAuth } from '../schema';
import { isSet, type Secret } from '../secret';
import type { ConfigIssue } from '../issues';
import { isHostnameOrIPv4, isValidPort } from '../net';
import { endpointOf } from '../endpoint';
import { error, warning } from './helpers';

export interface SshLogin {
  address: string;
  port: number;
  user: string;
  auth: HostAuth;
  becomePassword: Secret;
}

export interface LoginTarget {
  login: SshLogin;
  /** How a message names the machine mid-sentence: `master2`, `the installer machine`. */
  label: string;
  /** The same at the start of a sentence. */
  subject: string;
  /** Issue code prefix: `host`, `installer.machine`. */
  code: string;
  /** The dot path of a field of this login. */
  pathOf: (field: 'address' | 'port' | 'user' | 'auth' | 'becomePassword') => string;
  /** Who opens the SSH session: `the taskbox`, `the installer machine`, `the wizard`. */
  client: string;
  /** Why the wizard itself needs this login (' The wizard logs in …'), or ''. */
  why: string;
  /** Why a non-root user needs a sudo password here. */
  sudoReason: string;
}

export function loginAddressIssues(t: LoginTarget): ConfigIssue[] {
  const { address } = t.login;
  if (address === '') {
    return [
      error(`${t.code}.address-required`, t.pathOf('address'), `${t.subject} has no SSH address: enter the IP or DNS name ${t.client} connects to.${t.why}`),
    ];
  }
  if (isHostnameOrIPv4(address)) return [];
  return [error(`${t.code}.address-invalid`, t.pathOf('address'), `SSH address "${address}" of ${t.label} is neither an IPv4 address nor a DNS name.`)];
}

export function loginPortIssues(t: LoginTarget): ConfigIssue[] {
  if (isValidPort(t.login.port)) return [];
  return [error(`${t.code}.port-invalid`, t.pathOf('port'), `SSH port ${t.login.port} of ${t.label} must be a whole number from 1 to 65535 (usually 22).`)];
}

export function loginUserIssues(t: LoginTarget): ConfigIssue[] {
  const { user, becomePassword } = t.login;
  if (user === '') return [error(`${t.code}.user-required`, t.pathOf('user'), `${t.subject} has no SSH user: enter root or a user with sudo.${t.why}`)];
  if (user === 'root' || isSet(becomePassword)) return [];
  return [
    error(
      `${t.code}.become-password-required`,
      t.pathOf('becomePassword'),
      `${t.subject} logs in as "${user}", not root: enter that user's sudo password; ${t.sudoReason}.`,
    ),
  ];
}

export function loginAuthIssues(t: LoginTarget): ConfigIssue[] {
  const { auth } = t.login;
  const path = t.pathOf('auth');
  switch (auth.kind) {
    case 'password':
      return isSet(auth.password)
        ? []
        : [error(`${t.code}.auth-missing`, path, `The SSH password of ${t.label} is not set: enter it, or switch ${t.label} to a private key.${t.why}`)];
    case 'key':
      return isSet(auth.privateKey)
        ? []
        : [error(`${t.code}.auth-missing`, path, `The private key of ${t.label} is not set: paste the key ${t.client} uses to log in to ${t.label}.${t.why}`)];
  }
}

const HELD_FIELDS: { words: string; field: (login: SshLogin) => Secret | undefined; path: (t: LoginTarget) => string }[] = [
  { words: 'SSH password', field: (l) => (l.auth.kind === 'password' ? l.auth.password : undefined), path: (t) => `${t.pathOf('auth')}.password` },
  { words: 'private key', field: (l) => (l.auth.kind === 'key' ? l.auth.privateKey : undefined), path: (t) => `${t.pathOf('auth')}.privateKey` },
  { words: 'key passphrase', field: (l) => (l.auth.kind === 'key' ? l.auth.passphrase : undefined), path: (t) => `${t.pathOf('auth')}.passphrase` },
  { words: 'sudo password', field: (l) => l.becomePassword, path: (t) => t.pathOf('becomePassword') },
];

/**
 * A stored secret the server holds back (`enteredFor`: entered for another address:port than the
 * login's now) is a warning at its field: the wizard sends it nowhere until the operator confirms
 * it for the new endpoint or enters it again. A confirmation in this edit (`useFor`) clears it.
 */
export function loginHeldIssues(t: LoginTarget): ConfigIssue[] {
  const now = endpointOf(t.login);
  return HELD_FIELDS.flatMap(({ words, field, path }) => {
    const s = field(t.login);
    if (!s?.set || s.enteredFor === undefined || s.enteredFor === now || s.useFor === now || s.value !== undefined) return [];
    return [
      warning(
        `${t.code}.secret-held`,
        path(t),
        `The stored ${words} of ${t.label} was entered for ${s.enteredFor}, and ${t.label} now points at ${now}: the wizard sends it nowhere until you confirm it for ${now} ("Use it for ${now}") or enter it again.`,
      ),
    ];
  });
}

/** Every issue of one SSH login, in field order. */
export function sshLoginIssues(target: LoginTarget): ConfigIssue[] {
  return [...loginAddressIssues(target), ...loginPortIssues(target), ...loginUserIssues(target), ...loginAuthIssues(target), ...loginHeldIssues(target)];
}
