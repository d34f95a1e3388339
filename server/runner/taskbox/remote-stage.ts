/**
 * Controls one stage's detached wrapper on the taskbox (stage-wrapper.ts) over an SSH session.
 * Every command runs as root (sudo for a non-root login: the installer must run as root, and the
 * stage dirs are root's 0700).
 */
import { SshError, type SshSession } from '../../ssh';
import { WRAPPER_PATH, type StagePaths } from './layout';

export type RemoteStageState = { kind: 'finished'; rc: number } | { kind: 'running'; pid: number } | { kind: 'gone' };

function failed(session: SshSession, what: string, r: { exitCode: number; stderr: string }): SshError {
  const why = r.stderr.trim().split('\n').slice(-1)[0] ?? '';
  return new SshError(
    'command-failed',
    session.name,
    `${what} on ${session.name} failed (exit ${r.exitCode})${why ? `: ${why}` : ''}`,
    'see the stage log; retry the stage',
    { exitCode: r.exitCode },
  );
}

/** Starts DIR/run.sh detached; resolves with its pid (= its process group). */
export async function startRemoteStage(session: SshSession, paths: StagePaths): Promise<number> {
  const r = await session.exec(['sh', WRAPPER_PATH, 'start', paths.dir], { sudo: true, timeoutMs: 30_000 });
  const pid = Number(r.stdout.trim());
  if (r.exitCode !== 0 || !Number.isInteger(pid) || pid <= 1) throw failed(session, 'starting the stage', r);
  return pid;
}

export function parseRemoteState(text: string): RemoteStageState {
  const line = text.trim();
  const rc = /^rc (-?\d+)$/.exec(line);
  if (rc) return { kind: 'finished', rc: Number(rc[1]) };
  const running = /^running (\d+)$/.exec(line);
  if (running) return { kind: 'running', pid: Number(running[1]) };
  return { kind: 'gone' };
}

export async function remoteStageState(session: SshSession, paths: StagePaths): Promise<RemoteStageState> {
  const r = await session.exec(['sh', WRAPPER_PATH, 'state', paths.dir], { sudo: true, timeoutMs: 30_000 });
  if (r.exitCode !== 0) throw failed(session, 'reading the stage state', r);
  return parseRemoteState(r.stdout);
}

export async function signalRemoteStage(session: SshSession, paths: StagePaths, signal: 'INT' | 'TERM' | 'KILL'): Promise<void> {
  const r = await session.exec(['sh', WRAPPER_PATH, 'signal', paths.dir, signal], { sudo: true, timeoutMs: 30_000 });
  if (r.exitCode !== 0) throw failed(session, `sending ${signal} to the stage`, r);
}

/** Removes the stage's secret dir and stops its ssh control masters; then proves the secrets are gone. */
export async function cleanupRemoteStage(session: SshSession, paths: StagePaths): Promise<void> {
  const r = await session.exec(['sh', '-c', 'sh "$1" cleanup "$2" && ! test -e "$2/secret"', 'sh', WRAPPER_PATH, paths.dir], { sudo: true, timeoutMs: 30_000 });
  if (r.exitCode !== 0) throw failed(session, `removing the stage's secrets (${paths.secretDir})`, r);
}
