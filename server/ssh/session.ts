/**
 * One live SSH connection to one host, reused for every command sent to it.
 *
 * Invariants:
 * - Commands are argv arrays turned into a command line only by `shellQuote`.
 * - At most `maxChannels` channels are open at once (OpenSSH's MaxSessions defaults to 10).
 * - Every command ends in exactly one outcome: a result with its exit code, or an SshError
 *   ('command-timeout' after the channel was signalled and closed, 'connection-lost', or a sudo kind
 *   when sudo refused before the command started).
 * - The sudo password is written to the channel's stdin only after sudo prompts (see sudo.ts).
 * - Every command runs inside a tiny `sh -c` wrapper that also reports its exit code on stderr
 *   (stripped): OpenSSH occasionally closes a channel without exit-status (seen after sudo/use_pty).
 */
import type { Client, ClientChannel } from 'ssh2';
import { classifySudoFailure, SshError } from './errors';
import { shellQuote } from './quote';
import { plainCommandLine, reportedExitCode, scanClockMark, stripSudoMarkers, sudoCommandLine, withClockSample, SUDO_PROMPT, SUDO_STARTED } from './sudo';
import type { ClockReading, ExecOptions, ExecResult, PresentedHostKey, SshTarget } from './types';

const DEFAULT_COMMAND_TIMEOUT = 60_000;

function tail(text: string, lines = 10): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export class SshSession {
  readonly name: string;
  readonly hostKey: PresentedHostKey;
  private readonly client: Client;
  private readonly target: SshTarget;
  private readonly maxChannels: number;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly pending = new Set<(err: SshError) => void>();
  private closed = false;

  constructor(client: Client, target: SshTarget, hostKey: PresentedHostKey, maxChannels: number) {
    this.client = client;
    this.target = target;
    this.name = target.name;
    this.hostKey = hostKey;
    this.maxChannels = maxChannels;
    const lost = () => {
      this.closed = true;
      const err = new SshError(
        'connection-lost',
        this.name,
        `the SSH connection to ${this.name} was lost`,
        'the host may have rebooted or sshd was restarted; run the check again',
      );
      for (const reject of this.pending) reject(err);
      this.pending.clear();
    };
    client.on('close', lost);
    client.on('error', () => undefined); // reported through 'close' to pending commands
  }

  get isRoot(): boolean {
    return this.target.user === 'root';
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private async slot(): Promise<() => void> {
    if (this.active >= this.maxChannels) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    return () => {
      this.active--;
      this.waiting.shift()?.();
    };
  }

  private becomePassword(): string | undefined {
    return this.target.becomePassword ?? (this.target.auth.kind === 'password' ? this.target.auth.password : undefined);
  }

  /** Runs argv; resolves with the exit code (non-zero included). See the header for rejections. */
  async exec(argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    if (this.closed) throw new SshError('connection-lost', this.name, `the SSH connection to ${this.name} is closed`, 'connect again');
    const useSudo = opts.sudo === true && !this.isRoot;
    const command = useSudo ? sudoCommandLine(argv) : plainCommandLine(argv);
    const line = opts.clockSample ? withClockSample(command) : command;
    const release = await this.slot();
    try {
      return await this.run(line, useSudo, opts);
    } finally {
      release();
    }
  }

  /** Like exec, but a non-zero exit code is an SshError('command-failed') with the stderr tail. */
  async execOk(argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const r = await this.exec(argv, opts);
    if (r.exitCode !== 0) {
      const stderrTail = tail(r.stderr);
      throw new SshError(
        'command-failed',
        this.name,
        `\`${argv[0] ?? ''}\` failed on ${this.name} with exit code ${r.exitCode}${stderrTail ? `: ${stderrTail.split('\n').slice(-1)[0]}` : ''}`,
        'see the command output below',
        { exitCode: r.exitCode, stderrTail, command: shellQuote(argv) },
      );
    }
    return r;
  }

  private openChannel(line: string): Promise<ClientChannel> {
    return new Promise((resolve, reject) => {
      this.client.exec(line, (err, stream) => {
        if (err)
          reject(
            new SshError(
              'connection-lost',
              this.name,
              `could not open a channel on ${this.name}: ${err.message}`,
              'the server limits sessions per connection (MaxSessions) or is shutting down; retry',
            ),
          );
        else resolve(stream);
      });
    });
  }

  private async run(line: string, useSudo: boolean, opts: ExecOptions): Promise<ExecResult> {
    const sentAtMs = Date.now();
    const stream = await this.openChannel(line);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT;
    return new Promise<ExecResult>((resolve, reject) => {
      let stdout = '';
      let stderr = '';
      let exitCode: number | undefined;
      let signal: string | undefined;
      let promptsSeen = 0;
      let started = !useSudo;
      let stdinDone = false;
      let settled = false;
      let clockPending = opts.clockSample === true;
      let clock: ClockReading | undefined;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        this.pending.delete(onLost);
        fn();
      };
      const onLost = (err: SshError) => finish(() => reject(err));
      this.pending.add(onLost);
      const sendStdin = () => {
        if (stdinDone) return;
        stdinDone = true;
        stream.end(opts.stdin ?? '');
      };
      const timer =
        timeoutMs > 0
          ? setTimeout(() => {
              stream.signal('KILL');
              stream.close();
              finish(() =>
                reject(
                  new SshError(
                    'command-timeout',
                    this.name,
                    `a command on ${this.name} did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`,
                    'the host may be overloaded or the command hangs (e.g. waiting for a lock or input); try again or raise the timeout',
                    { command: line },
                  ),
                ),
              );
            }, timeoutMs)
          : undefined;
      const onAbort = () => {
        stream.close();
        finish(() => resolve({ stdout, stderr: stripSudoMarkers(stderr), exitCode: 128, signal: 'ABORTED' }));
      };
      if (opts.signal?.aborted) queueMicrotask(onAbort);
      else opts.signal?.addEventListener('abort', onAbort, { once: true });
      const decoder = opts.onStdout ? new TextDecoder('utf-8') : undefined;

      stream.on('data', (d: Buffer) => {
        if (decoder && opts.onStdout) {
          opts.onStdout(decoder.decode(d, { stream: true }));
          return;
        }
        stdout += d.toString('utf8');
        if (!clockPending) return;
        const scan = scanClockMark(stdout);
        if (scan.state === 'waiting') return;
        clockPending = false;
        if (scan.state === 'found') {
          clock = { remoteText: scan.remoteText, sentAtMs, receivedAtMs: Date.now() };
          stdout = scan.rest;
        }
      });
      stream.stderr.on('data', (d: Buffer) => {
        stderr += d.toString('utf8');
        if (!useSudo) return;
        const prompts = stderr.split(SUDO_PROMPT).length - 1;
        if (prompts > promptsSeen) {
          promptsSeen = prompts;
          const pw = this.becomePassword();
          if (prompts === 1 && pw !== undefined && !stdinDone) stream.write(`${pw}\n`);
          else sendStdin(); // wrong or missing password: EOF makes sudo give up at once
        }
        if (!started && stderr.includes(`${SUDO_STARTED}\n`)) {
          started = true;
          sendStdin();
        }
      });
      stream.on('exit', (code: number | null, sig?: string) => {
        exitCode = code ?? undefined;
        signal = sig ?? undefined;
      });
      stream.on('close', () =>
        finish(() => {
          const cleanStderr = stripSudoMarkers(stderr);
          if (useSudo && !started) {
            const sudoErr = classifySudoFailure(cleanStderr, this.name, this.target.user);
            if (sudoErr) return reject(sudoErr);
          }
          const code = exitCode ?? reportedExitCode(stderr);
          if (code === undefined && !signal) {
            return reject(
              new SshError(
                'connection-lost',
                this.name,
                `the command on ${this.name} ended without an exit status`,
                'sshd closed the channel early; run it again',
                { command: line, stderrTail: tail(cleanStderr) },
              ),
            );
          }
          resolve({ stdout, stderr: cleanStderr, exitCode: code ?? 128, ...(signal ? { signal } : {}), ...(clock ? { clock } : {}) });
        }),
      );
      if (!useSudo) sendStdin();
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.client.end();
  }
}
