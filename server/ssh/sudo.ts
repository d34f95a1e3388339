/**
 * How a command runs under sudo without ever putting the password on a command line and without
 * feeding it to the command by mistake:
 *
 *   sudo -k -S -p <PROMPT> -- sh -c 'printf "%s\n" <STARTED> >&2; "$@"; rc=$?; printf "<RC>%d\n" $rc >&2; exit $rc' sh <argv...>
 *
 * The password is written to stdin only when sudo prints PROMPT on stderr (so a NOPASSWD rule
 * never receives it), and the command's own stdin only after STARTED appears (the command really
 * runs). `-k` ignores cached credentials, so every call checks the password. If STARTED never
 * appears, sudo itself failed and its stderr says why. The wrapper also reports the exit code on
 * stderr (RC marker): with sudo's `use_pty` sshd sometimes closes the channel without sending
 * exit-status (seen ~1 in 60 under load), and the marker is then the exit code. Markers are
 * removed from stderr.
 */
import { shellQuote } from './quote';

export const SUDO_PROMPT = '<<ksw-sudo-password>>';
export const SUDO_STARTED = '<<ksw-sudo-started>>';
export const SUDO_RC = '<<ksw-sudo-rc:';
const RC_SCRIPT = `"$@"; rc=$?; printf '${SUDO_RC}%d>>\\n' "$rc" >&2; exit "$rc"`;
const START_SCRIPT = `printf '%s\\n' '${SUDO_STARTED}' >&2; ${RC_SCRIPT}`;

/** Plain commands get the same exit-code report (the missing exit-status also hit commands run after a sudo one). */
export function plainCommandLine(argv: readonly string[]): string {
  return shellQuote(['sh', '-c', RC_SCRIPT, 'sh', ...argv]);
}

export function sudoCommandLine(argv: readonly string[]): string {
  return shellQuote(['sudo', '-k', '-S', '-p', SUDO_PROMPT, '--', 'sh', '-c', START_SCRIPT, 'sh', ...argv]);
}

const CLOCK_MARK = '<<ksw-clock:';
const CLOCK_LINE = /^<<ksw-clock:([^>\n]*)>>\n/;

/**
 * Prefixes a command line with a clock reading on stdout: `date '+<<ksw-clock:%s.%N>>'; <line>`.
 * It runs in the login shell, before sudo, so sudo's password check is not inside the round trip
 * that bounds the reading. Only `;` and single quotes: any login shell (sh, bash, zsh, csh) runs it.
 */
export function withClockSample(line: string): string {
  return `date '+${CLOCK_MARK}%s.%N>>'; ${line}`;
}

export type ClockMarkScan = { state: 'waiting' } | { state: 'absent' } | { state: 'found'; remoteText: string; rest: string };

/** Looks for the clock line at the start of stdout received so far. */
export function scanClockMark(stdout: string): ClockMarkScan {
  const m = CLOCK_LINE.exec(stdout);
  if (m) return { state: 'found', remoteText: m[1] ?? '', rest: stdout.slice(m[0].length) };
  const head = stdout.slice(0, CLOCK_MARK.length);
  if (!CLOCK_MARK.startsWith(head)) return { state: 'absent' };
  // The mark has started: wait for its line to end (a reading is short; a long one is not ours).
  return stdout.length < 64 && !stdout.includes('\n') ? { state: 'waiting' } : { state: 'absent' };
}

const RC_LINE = /<<ksw-sudo-rc:(\d+)>>\n/;

/** The exit code the wrapper reported, if any. */
export function reportedExitCode(stderr: string): number | undefined {
  const m = RC_LINE.exec(stderr);
  return m ? Number(m[1]) : undefined;
}

export function stripSudoMarkers(stderr: string): string {
  return stderr.split(`${SUDO_STARTED}\n`).join('').split(SUDO_PROMPT).join('').replace(RC_LINE, '');
}
