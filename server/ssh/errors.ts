/**
 * The SSH layer's one error type. Every failure becomes an SshError whose `kind` comes from a
 * closed set, with the host's name, a message an operator can act on and a hint for the fix.
 * Messages never contain secrets. `classifySshError` maps ssh2 / node errors; sudo failures are
 * recognised from sudo's own stderr by `classifySudoFailure`.
 */
export const SSH_ERROR_KINDS = [
  'dns',
  'refused',
  'unreachable',
  'timeout',
  'auth',
  'host-key-changed',
  'host-key-untrusted',
  'sudo-password',
  'not-sudoer',
  'sudo-tty',
  'command-failed',
  'command-timeout',
  'key-format',
  'connection-lost',
] as const;
export type SshErrorKind = (typeof SSH_ERROR_KINDS)[number];

export interface SshErrorDetails {
  /** Authentication methods the server offered (kind 'auth'). */
  methods?: string[];
  exitCode?: number;
  stderrTail?: string;
  command?: string;
  expectedFingerprint?: string;
  actualFingerprint?: string;
  /** The key the host presented (kind 'host-key-changed'): its type and base64 blob, to store as pending. */
  actualAlgorithm?: string;
  actualPublicKey?: string;
}

export class SshError extends Error {
  readonly kind: SshErrorKind;
  readonly host: string;
  readonly hint: string;
  readonly details: SshErrorDetails;

  constructor(kind: SshErrorKind, host: string, message: string, hint: string, details: SshErrorDetails = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SshError';
    this.kind = kind;
    this.host = host;
    this.hint = hint;
    this.details = details;
  }
}

export interface ClassifyContext {
  address?: string;
  port?: number;
  user?: string;
  /** Methods the server listed in its last USERAUTH_FAILURE. */
  methods?: string[];
  /** Set by the host verifier when it refused a key. */
  hostKeyMismatch?: { expected: string; actual: string; algorithm?: string; publicKey?: string };
  /** Whether the SSH session was established before the error. */
  ready?: boolean;
}

function errCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function errLevel(err: unknown): string | undefined {
  const level = (err as { level?: unknown } | null)?.level;
  return typeof level === 'string' ? level : undefined;
}

/** `presented`: the refused key itself (type + base64 blob), so accepting it can store the real key. */
export function hostKeyChangedError(host: string, expected: string, actual: string, presented?: { algorithm?: string; publicKey?: string }): SshError {
  return new SshError(
    'host-key-changed',
    host,
    `the host key of ${host} changed: expected ${expected}, got ${actual}`,
    `if ${host} was reinstalled or its keys were regenerated on purpose, check the new fingerprint on the machine (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and accept it; otherwise someone may be intercepting the connection`,
    {
      expectedFingerprint: expected,
      actualFingerprint: actual,
      ...(presented?.algorithm ? { actualAlgorithm: presented.algorithm } : {}),
      ...(presented?.publicKey ? { actualPublicKey: presented.publicKey } : {}),
    },
  );
}

/** No key is trusted for the endpoint, so nothing is sent to it (connect.ts refuses before dialing). */
export function hostKeyUntrustedError(host: string, address: string, port: number): SshError {
  return new SshError(
    'host-key-untrusted',
    host,
    `the host key of ${host} (${address}:${port}) is not trusted yet, so the wizard does not log in there`,
    'check the hosts: the first contact fetches the key without logging in; compare its fingerprint with the machine and trust it on the host checks page',
  );
}

export function authError(host: string, user: string, methods: string[] | undefined, cause?: unknown): SshError {
  const offered = methods && methods.length ? methods.join(', ') : 'unknown';
  const passwordOff = methods !== undefined && !methods.includes('password') && !methods.includes('keyboard-interactive');
  const hint = passwordOff
    ? `the server does not accept passwords (PasswordAuthentication no): use a private key for ${user}, or enable password login in sshd_config`
    : methods !== undefined && !methods.includes('publickey')
      ? 'the server does not accept keys: use the password'
      : `check the user name and the password or key for ${user}; the server offered: ${offered}`;
  return new SshError('auth', host, `authentication refused for ${user}@${host} (server offered: ${offered})`, hint, { methods }, cause);
}

export function classifySshError(err: unknown, host: string, ctx: ClassifyContext = {}): SshError {
  if (err instanceof SshError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = errCode(err);
  const level = errLevel(err);
  const where = ctx.address ? `${ctx.address}:${ctx.port ?? 22}` : host;

  if (ctx.hostKeyMismatch) return hostKeyChangedError(host, ctx.hostKeyMismatch.expected, ctx.hostKeyMismatch.actual, ctx.hostKeyMismatch);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return new SshError(
      'dns',
      host,
      `the name of ${host} (${ctx.address ?? host}) could not be resolved`,
      'use an IP address, or fix DNS / /etc/hosts on the machine running the wizard',
      {},
      err,
    );
  }
  if (code === 'ECONNREFUSED') {
    return new SshError(
      'refused',
      host,
      `connection to ${where} refused`,
      'sshd is not running or a firewall rejects the SSH port: start sshd (systemctl start sshd) or open the port',
      {},
      err,
    );
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EHOSTDOWN' || code === 'ENETDOWN') {
    return new SshError('unreachable', host, `no route to ${where}`, 'check the address, the network and routes between the wizard and the host', {}, err);
  }
  if (code === 'ETIMEDOUT' || level === 'client-timeout' || /timed out/i.test(message)) {
    return new SshError(
      'timeout',
      host,
      `${where} did not answer in time (${message})`,
      'the host may be off, or a firewall drops packets to the SSH port; check that the machine is up and the port is open',
      {},
      err,
    );
  }
  if (level === 'client-authentication' || /authentication methods failed/i.test(message)) {
    return authError(host, ctx.user ?? 'the user', ctx.methods, err);
  }
  if (/Cannot parse privateKey|private key|passphrase|Failed to decrypt|Malformed/i.test(message)) {
    return new SshError(
      'key-format',
      host,
      `the private key for ${host} cannot be used: ${message.replace(/^Cannot parse privateKey: /, '')}`,
      'paste the whole private key (OpenSSH or PEM format, including the BEGIN/END lines) and the right passphrase if it has one',
      {},
      err,
    );
  }
  return new SshError(
    'connection-lost',
    host,
    `the SSH connection to ${where} failed${ctx.ready ? ' after it was established' : ''}: ${message}`,
    'retry; if it keeps happening check sshd logs on the host (MaxStartups, MaxSessions) and the network',
    {},
    err,
  );
}

/**
 * sudo's own failures, recognised from its stderr (the command never started).
 * Returns undefined when the text is not a known sudo failure.
 */
export function classifySudoFailure(stderr: string, host: string, user: string): SshError | undefined {
  const tail = stderr.trim().split('\n').slice(-10).join('\n');
  if (/you must have a tty|a terminal is required/i.test(stderr)) {
    return new SshError(
      'sudo-tty',
      host,
      `sudo on ${host} requires a terminal (requiretty)`,
      'remove "Defaults requiretty" from /etc/sudoers (visudo) or add "Defaults:' + user + ' !requiretty"',
      { stderrTail: tail },
    );
  }
  if (/is not in the sudoers file|is not allowed to (execute|run sudo)/i.test(stderr)) {
    return new SshError(
      'not-sudoer',
      host,
      `${user} may not use sudo on ${host}`,
      `add ${user} to the sudo (Debian/Ubuntu) or wheel (CentOS) group, or give it a rule in /etc/sudoers.d`,
      { stderrTail: tail },
    );
  }
  if (/incorrect password attempt|Sorry, try again|no password was provided/i.test(stderr)) {
    return new SshError(
      'sudo-password',
      host,
      `sudo on ${host} refused the password for ${user}`,
      `enter the sudo password of ${user} (ansible_become_pass); it is usually the login password`,
      { stderrTail: tail },
    );
  }
  return undefined;
}
