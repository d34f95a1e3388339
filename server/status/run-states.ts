/**
 * The guarded state machines of runs, stages and hosts-within-a-stage.
 *
 * Invariants:
 * - the three machines are the same: queued → running → succeeded | failed | cancelled | interrupted,
 *   plus queued → cancelled (a run cancelled before it started) and queued → interrupted (boot found it
 *   orphaned before any stage started);
 * - terminal states never change again (a retry is a new run, never a rewrite of history);
 * - every run, stage and host status write goes through run-status.ts: a conditional update whose `where` lists the
 *   source states it expects, checked legal by `assertTransition` (`sourcesFor`), so two writers
 *   cannot both win and no code path can write an illegal transition.
 */
import { isRunStatus, RUN_STATUSES, type RunStatus } from '@/lib/states';

export { isRunStatus, RUN_STATUSES, type RunStatus };
export type StageStatus = RunStatus;
export type HostStatus = RunStatus;

export const ACTIVE_STATUSES: readonly RunStatus[] = ['queued', 'running'];
export const TERMINAL_STATUSES: readonly RunStatus[] = ['succeeded', 'failed', 'cancelled', 'interrupted'];

const LEGAL: Record<RunStatus, readonly RunStatus[]> = {
  queued: ['running', 'cancelled', 'interrupted'],
  running: ['succeeded', 'failed', 'cancelled', 'interrupted'],
  succeeded: [],
  failed: [],
  cancelled: [],
  interrupted: [],
};

export function isTerminal(status: string): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

export function canTransition(from: string, to: RunStatus): boolean {
  return isRunStatus(from) && LEGAL[from].includes(to);
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly what: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`illegal ${what} transition ${from} → ${to}`);
    this.name = 'IllegalTransitionError';
  }
}

export function assertTransition(what: 'run' | 'stage' | 'host', from: string, to: RunStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(what, from, to);
}

/** The states from which `to` may be entered: use as `status: { in: sourcesOf(to) }` in updateMany. */
export function sourcesOf(to: RunStatus): RunStatus[] {
  return RUN_STATUSES.filter((from) => LEGAL[from].includes(to));
}

/** `{ in: from }` for a conditional update to `to`, after asserting each `from → to` is legal. */
export function sourcesFor(what: 'run' | 'stage' | 'host', from: readonly RunStatus[], to: RunStatus): { in: RunStatus[] } {
  for (const f of from) assertTransition(what, f, to);
  return { in: [...from] };
}
