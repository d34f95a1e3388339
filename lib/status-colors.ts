/**
 * The one map of status → Mantine colour for every badge the UI shows. One meaning, one colour,
 * whatever the kind: active (queued aside) is blue, done well teal, needs reading yellow, stopped
 * short orange, failed red, nothing yet grey. Each kind's table covers its closed list of states
 * (lib/states.ts), so a new state cannot be added without its colour.
 */
import type { CheckStatus, InstallStatus, NodeState, PreflightStatus, RunStatus } from './states';

/** A stage the runner never started (lib/runs/status-labels.ts NOT_RUN). */
type RunLabel = RunStatus | 'not run';

const INSTALL: Record<InstallStatus, string> = {
  draft: 'gray',
  ready: 'cyan',
  installing: 'blue',
  installed: 'teal',
  incomplete: 'orange',
  failed: 'red',
  uninstalled: 'gray',
};
const NODE: Record<NodeState, string> = { unknown: 'gray', reachable: 'cyan', pending: 'gray', installing: 'blue', ready: 'teal', failed: 'red' };
const RUN: Record<RunLabel, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
  cancelled: 'yellow',
  interrupted: 'orange',
  'not run': 'gray',
};
const PREFLIGHT: Record<PreflightStatus, string> = { running: 'blue', passed: 'teal', warned: 'yellow', failed: 'red' };
const CHECK: Record<CheckStatus | 'pending', string> = { pass: 'teal', warn: 'yellow', fail: 'red', pending: 'gray' };

const COLORS = { install: INSTALL, node: NODE, run: RUN, preflight: PREFLIGHT, check: CHECK } as const;
export type StatusKind = keyof typeof COLORS;

/** The colour of `status` of a `kind` (a run's status, or a stage's label); unknown ones are grey. */
export function statusColor(kind: StatusKind, status: string): string {
  const table: Record<string, string> = COLORS[kind];
  return table[status] ?? 'gray';
}
