/**
 * The pure half of following a stage (follow-stage.ts is the wait loop around it): raw lines of the
 * stage's events.jsonl → writer batches, and the stage's outcome once the wrapper is gone. No I/O, no
 * clock: the follower feeds lines and facts, this decides what is written and how the stage ended.
 *
 * Invariants: a line that is not an event is dropped; an event whose counter is ≤ the last one taken
 * (Stage.lastEventCounter after a re-attach, or a line the remote tail repeated) is dropped, so
 * nothing is stored twice; the rest go through EventBatcher in file order (redaction, phases,
 * counters, first errors, the recap).
 */
import type { EventBatcher } from './event-batcher';
import type { StageBatch } from './log-writer';
import { parseEventLine } from './taskbox/parse-event-line';
import type { JobEvent } from './translate-event';

export type StageEndStatus = 'successful' | 'failed' | 'canceled' | 'timeout' | 'missing';

export interface FollowResult {
  status: StageEndStatus;
  rc: number | null;
  lastCounter: number;
}

export interface StepResult {
  batches: StageBatch[];
  /** The highest counter taken so far (the input's when no new event came). */
  lastCounter: number;
}

/** One read of the events file: its complete lines → batches for the writer. */
export function linesToBatches(lines: readonly string[], lastCounter: number, batcher: EventBatcher): StepResult {
  const events: JobEvent[] = [];
  let counter = lastCounter;
  for (const line of lines) {
    const parsed = parseEventLine(line);
    if (!parsed.ok || parsed.event.counter <= counter) continue;
    counter = parsed.event.counter;
    events.push(parsed.event);
  }
  return { batches: batcher.batches(events), lastCounter: counter };
}

/** What the follower saw last of the wrapper: its rc once it finished; any other state means no rc. */
export type WrapperEnd = { kind: 'finished'; rc: number } | { kind: 'running' | 'gone' | 'aborted' };

/**
 * The stage's outcome: the idle timeout wins; else rc 0 is success, a non-zero rc after the wizard
 * began stopping it is a cancel, otherwise a failure; a wrapper gone without an rc was stopped by
 * us (canceled) or vanished (missing).
 */
export function stageOutcome(end: WrapperEnd, facts: { timedOut: boolean; stopSent: boolean; lastCounter: number }): FollowResult {
  const rc = end.kind === 'finished' ? end.rc : null;
  const { lastCounter } = facts;
  if (facts.timedOut) return { status: 'timeout', rc, lastCounter };
  if (end.kind === 'finished') return { status: end.rc === 0 ? 'successful' : facts.stopSent ? 'canceled' : 'failed', rc, lastCounter };
  return { status: facts.stopSent ? 'canceled' : 'missing', rc: null, lastCounter };
}

/** The watchdog's tick: whether the stage has now been idle too long, and whether to (keep) stopping it. */
export function watchdogTick(t: { now: number; lastActivity: number; idleMs: number; cancelRequested: boolean; timedOut: boolean }): {
  timedOut: boolean;
  stop: boolean;
} {
  const timedOut = t.timedOut || (!t.cancelRequested && t.now - t.lastActivity >= t.idleMs);
  return { timedOut, stop: t.cancelRequested || timedOut };
}
