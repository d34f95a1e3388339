/**
 * The wizard's SSH link to the taskbox for one run: one session at a time, reconnected with
 * backoff when it drops (the stage on the taskbox goes on regardless: it is detached).
 *
 * Invariants: the host key is pinned (the caller passes the trusted one; a different key is never
 * retried, and no secret is sent to it: ssh2 checks the key before authenticating); an
 * authentication or sudo failure is not retried either (it will not fix itself); network failures
 * are retried until `giveUpMs` after the first failure in a row.
 */
import { connectHost, SshError, type SshSession, type SshTarget } from '../../ssh';
import { sleep } from '../sleep';

const FATAL_KINDS = new Set(['host-key-changed', 'auth', 'key-format', 'sudo-password', 'not-sudoer', 'sudo-tty']);
const BACKOFF_MS = [250, 500, 1000, 2000, 5000];

export class TaskboxLink {
  private current: SshSession | undefined;
  private connecting: Promise<SshSession> | undefined;
  private closed = false;

  constructor(
    readonly target: SshTarget,
    private readonly giveUpMs = 10 * 60_000,
  ) {
    if (!target.expectedHostKey) throw new Error(`the host key of the taskbox ${target.name} is not trusted yet: trust it on the host checks page`);
  }

  get name(): string {
    return this.target.name;
  }

  /** A live session, connecting (with backoff) when there is none. */
  session(): Promise<SshSession> {
    if (this.closed) return Promise.reject(new Error(`the link to ${this.target.name} is closed`));
    if (this.current && !this.current.isClosed) return Promise.resolve(this.current);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(): Promise<SshSession> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const s = await connectHost(this.target, { maxChannels: 8 });
        if (this.closed) {
          s.close();
          throw new Error(`the link to ${this.target.name} is closed`);
        }
        this.current = s;
        return s;
      } catch (err) {
        const fatal = err instanceof SshError && FATAL_KINDS.has(err.kind);
        if (fatal || this.closed || Date.now() - started > this.giveUpMs) throw err;
        await sleep(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 5000);
      }
    }
  }

  /** Drops the current session (after it failed); the next `session()` reconnects. */
  invalidate(session?: SshSession): void {
    if (session && session !== this.current) return;
    this.current?.close();
    this.current = undefined;
  }

  close(): void {
    this.closed = true;
    this.current?.close();
    this.current = undefined;
  }
}

/** True for errors a reconnect may cure (the connection dropped, a channel could not open). */
export function isTransient(err: unknown): boolean {
  return err instanceof SshError ? !FATAL_KINDS.has(err.kind) && err.kind !== 'command-failed' : false;
}
