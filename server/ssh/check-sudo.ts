/**
 * Verifies that the session's user can become root: root passes at once; others run `true`
 * through sudo (password on stdin, see sudo.ts). Throws an SshError of kind sudo-password,
 * not-sudoer, sudo-tty or command-failed.
 */
import { SshError } from './errors';
import type { SshSession } from './session';

export async function checkSudo(session: SshSession, timeoutMs = 15_000): Promise<void> {
  if (session.isRoot) return;
  const r = await session.exec(['true'], { sudo: true, timeoutMs });
  if (r.exitCode !== 0) {
    throw new SshError(
      'command-failed',
      session.name,
      `sudo on ${session.name} failed with exit code ${r.exitCode}`,
      'check that sudo is installed (apt-get install sudo / yum install sudo) and configured for this user',
      { exitCode: r.exitCode, stderrTail: r.stderr.trim().split('\n').slice(-10).join('\n') },
    );
  }
}
