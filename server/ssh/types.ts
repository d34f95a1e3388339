/** Public types of the SSH layer. Secrets (password, key, passphrase, becomePassword) are never logged or put in errors. */
export type SshAuth = { kind: 'password'; password: string } | { kind: 'key'; privateKey: string | Buffer; passphrase?: string };

export interface HostKeyFingerprint {
  algorithm: string;
  /** "SHA256:<base64 without padding>", exactly as `ssh-keygen -lf` prints it. */
  fingerprint: string;
}

export interface PresentedHostKey extends HostKeyFingerprint {
  /** The key blob, base64 (the second field of a known_hosts line). */
  publicKey: string;
  /** 'new' when no expected key was given (a probe, or trust on first use the operator chose), else 'matched'. */
  state: 'new' | 'matched';
}

export interface SshTarget {
  /** Inventory name, used in every message ("the host key of master2 changed"). */
  name: string;
  address: string;
  port: number;
  user: string;
  auth: SshAuth;
  /** sudo password for a non-root user; defaults to the login password with password auth. */
  becomePassword?: string;
  expectedHostKey?: HostKeyFingerprint;
}

export interface ConnectOptions {
  /** TCP connect deadline (default 8000 ms). */
  connectTimeoutMs?: number;
  /** Deadline for the SSH handshake and authentication after TCP connect (default 15000 ms). */
  readyTimeoutMs?: number;
  /**
   * Log in to a host whose key is not pinned (no `expectedHostKey`), accepting the key it presents.
   * Only for a check the operator started with "trust new keys"; without it, an unpinned target is
   * refused before any connection, so no secret can reach an endpoint nobody trusted.
   */
  trustOnFirstUse?: boolean;
  /** Concurrent channels per connection (default 8; OpenSSH's MaxSessions defaults to 10). */
  maxChannels?: number;
}

export interface ExecOptions {
  sudo?: boolean;
  stdin?: string;
  /** Per-command deadline (default 60000 ms). */
  timeoutMs?: number;
  /**
   * Read the host's clock (`date +%s.%N`) as the login user just before the command starts, on the
   * same channel: saves a round trip and a login shell per host. See ExecResult.clock.
   */
  clockSample?: boolean;
  /**
   * Stream stdout: every chunk goes here as it arrives and is NOT kept in ExecResult.stdout (a
   * follower reads an unbounded file). With it, `timeoutMs: 0` means no deadline.
   */
  onStdout?: (chunk: string) => void;
  /** Aborting closes the channel; the command then resolves with signal 'ABORTED'. */
  signal?: AbortSignal;
}

/** The host's clock as read when the channel started, bracketed by the wizard's own clock. */
export interface ClockReading {
  /** What `date +%s.%N` printed on the host. */
  remoteText: string;
  /** Date.now() just before the channel was opened. */
  sentAtMs: number;
  /** Date.now() when the reading arrived. */
  receivedAtMs: number;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  signal?: string;
  /** Present when `clockSample` was asked for and the host printed its clock. */
  clock?: ClockReading;
}
