/**
 * The JSON columns of runs and their host rows, decoded (and checked) once: Run.hostsJson (the
 * run's host scope), Run.extraVars, Run.targetsJson (a day-2 operation's hosts) and
 * StageHost.errorJson (a host's first failure). A column that does not hold what the writer
 * wrote is an error naming the run, never a cast that lets it through.
 */
import { z } from 'zod';
import { decodeJsonColumn } from '../db-json';
import type { HostError } from './translate-event';

export { decodeJsonColumn };

const hostNames = z.array(z.string());
const extraVars = z.record(z.string(), z.unknown());
const hostError = z.object({
  task: z.string(),
  msg: z.string(),
  stderr: z.string(),
  stdout: z.string(),
  file: z.string(),
  known: z.object({ id: z.string(), cause: z.string(), fix: z.string() }).optional(),
}) satisfies z.ZodType<HostError>;

export interface RunColumns {
  /** The hosts the run is limited to; null: every host of the install. */
  scope: string[] | null;
  extraVars: Record<string, unknown>;
  /** A day-2 operation's hosts ([] for an install run). */
  targets: string[];
}

export function decodeRunColumns(run: { id: string; hostsJson: string | null; extraVars: string | null; targetsJson: string | null }): RunColumns {
  return {
    scope: run.hostsJson ? decodeJsonColumn(hostNames, run.hostsJson, `run ${run.id}: hostsJson`) : null,
    extraVars: run.extraVars ? decodeJsonColumn(extraVars, run.extraVars, `run ${run.id}: extraVars`) : {},
    targets: run.targetsJson ? decodeJsonColumn(hostNames, run.targetsJson, `run ${run.id}: targetsJson`) : [],
  };
}

/** StageHost.errorJson: the host's first failure, as translate-event.ts recorded it. */
export function decodeHostError(errorJson: string): HostError {
  return decodeJsonColumn(hostError, errorJson, 'a host error (StageHost.errorJson)');
}
