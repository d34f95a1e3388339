/**
 * Follows a stage's events file on the taskbox over SSH, by byte offset, until the stage's wrapper
 * is gone; survives dropped connections.
 *
 * Invariants:
 * - only complete lines are handed on, with the byte offset just after them; after a dropped
 *   connection the next `tail` starts exactly there (nothing lost, nothing twice);
 * - `onLines` calls are serialised and awaited before the offset moves on;
 * - the result is the wrapper's final state, read AFTER the last byte was read: `tail --pid` ends
 *   only once the wrapper exited, and the wrapper writes nothing to the file after run.sh ended.
 */
import { SshError, type SshSession } from '../../ssh';
import { sleep } from '../sleep';
import { EventLineSplitter } from './parse-event-line';
import type { StagePaths } from './layout';
import { remoteStageState, type RemoteStageState } from './remote-stage';
import { isTransient, type TaskboxLink } from './taskbox-link';

/** tail from byte OFF+1; follow (-F) while the wrapper lives, else read to the end once. */
const FOLLOW_SCRIPT = `ev=$1 off=$2 dir=$3
pid=$(cat "$dir/pid" 2>/dev/null)
if [ -f "$dir/rc" ] || [ -z "$pid" ]; then
  [ -f "$ev" ] || exit 0
  exec tail -c "+$((off + 1))" -- "$ev"
fi
exec tail -c "+$((off + 1))" -F -s 0.2 --pid="$pid" -- "$ev" 2>/dev/null`;

export interface FollowRemoteOptions {
  link: TaskboxLink;
  paths: StagePaths;
  startOffset: number;
  onLines: (lines: string[], offsetAfter: number) => Promise<void>;
  /** Stops following (the caller then decides: cancel, idle timeout). */
  signal?: AbortSignal;
}

export interface FollowRemoteResult {
  offset: number;
  state: RemoteStageState | { kind: 'aborted' };
}

export async function followRemoteEvents(opts: FollowRemoteOptions): Promise<FollowRemoteResult> {
  let offset = opts.startOffset;
  let failures = 0;
  for (;;) {
    if (opts.signal?.aborted) return { offset, state: { kind: 'aborted' } };
    let session: SshSession;
    try {
      session = await opts.link.session();
    } catch (err) {
      if (opts.signal?.aborted) return { offset, state: { kind: 'aborted' } };
      throw err;
    }
    const splitter = new EventLineSplitter(offset);
    let chain: Promise<void> = Promise.resolve();
    let handlerError: unknown;
    try {
      const r = await session.exec(['sh', '-c', FOLLOW_SCRIPT, 'sh', opts.paths.events, String(offset), opts.paths.dir], {
        sudo: true,
        timeoutMs: 0,
        signal: opts.signal,
        onStdout: (chunk) => {
          const lines = splitter.push(chunk);
          if (lines.length === 0) return;
          const after = splitter.offset;
          chain = chain
            .then(() => opts.onLines(lines, after))
            .catch((e: unknown) => {
              handlerError ??= e;
            });
        },
      });
      await chain;
      if (handlerError) throw handlerError;
      offset = splitter.offset;
      if (r.signal === 'ABORTED') return { offset, state: { kind: 'aborted' } };
      if (r.exitCode !== 0 && r.exitCode !== 1)
        throw new SshError('command-failed', session.name, `following the stage's events on ${session.name} failed (exit ${r.exitCode})`, 'retry the stage', {
          exitCode: r.exitCode,
        });
      const state = await remoteStageState(session, opts.paths);
      if (state.kind !== 'running') return { offset, state };
      failures = 0;
    } catch (err) {
      await chain;
      if (handlerError) throw handlerError;
      offset = splitter.offset;
      if (!isTransient(err)) throw err;
      opts.link.invalidate(session);
      failures += 1;
      await sleep(Math.min(5000, 200 * failures));
    }
  }
}
