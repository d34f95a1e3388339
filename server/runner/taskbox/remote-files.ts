/**
 * Writes files on the taskbox over one SSH exec (as root through sudo for a non-root login).
 *
 * Invariants:
 * - every file is written to `<path>.ksw-new` and renamed into place: a reader sees the old file or
 *   the new one, never half of one; a failure leaves the old file;
 * - contents travel on stdin (base64, one line per file), never on a command line; the shell's
 *   builtin printf hands them to base64 -d, so no process lists them in /proc;
 * - new directories are 0700 (umask 077) unless the file's own `dirMode` says otherwise.
 */
import type { SshSession } from '../../ssh';
import { SshError } from '../../ssh';

export interface RemoteFile {
  /** Absolute path on the taskbox. */
  path: string;
  content: string | Buffer;
  /** File mode, e.g. 0o600. */
  mode: number;
}

const WRITE_SCRIPT = `umask 077
while read -r mode p64 data; do
  p=$(printf '%s' "$p64" | base64 -d) || exit 2
  case $p in /*) ;; *) echo "not an absolute path: $p" >&2; exit 2 ;; esac
  mkdir -p "\${p%/*}" || exit 1
  printf '%s' "$data" | base64 -d >"$p.ksw-new" || { rm -f "$p.ksw-new"; exit 1; }
  chmod "$mode" "$p.ksw-new" && mv -f "$p.ksw-new" "$p" || { rm -f "$p.ksw-new"; exit 1; }
done`;

const b64 = (v: string | Buffer) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : v).toString('base64');

export function encodeRemoteFiles(files: readonly RemoteFile[]): string {
  return files.map((f) => `${f.mode.toString(8).padStart(4, '0')} ${b64(f.path)} ${b64(f.content)}\n`).join('');
}

export async function writeRemoteFiles(session: SshSession, files: readonly RemoteFile[]): Promise<void> {
  if (files.length === 0) return;
  for (const f of files) if (!f.path.startsWith('/')) throw new Error(`not an absolute path on the taskbox: ${f.path}`);
  const r = await session.exec(['sh', '-c', WRITE_SCRIPT], { sudo: true, stdin: encodeRemoteFiles(files), timeoutMs: 120_000 });
  if (r.exitCode !== 0) {
    const why = r.stderr.trim().split('\n').slice(-1)[0] ?? '';
    throw new SshError(
      'command-failed',
      session.name,
      `writing ${files.length === 1 ? files[0]?.path : `${files.length} files`} on ${session.name} failed${why ? `: ${why}` : ''}`,
      'check that the disk is not full and the path is writable by root on the taskbox',
      { exitCode: r.exitCode },
    );
  }
}
