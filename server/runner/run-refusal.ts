/**
 * Refusals that name a run carry it: the 409's JSON has `run: { id, installId, label }` next to
 * `error`, so a page can link to the run it names ("Run 3", numbered as the history numbers them).
 */
import { getDb } from '../db';
import { HttpError } from '../http/errors';
import { runNumbers } from '@/lib/runs/run-names';

export interface RefusedRun {
  id: string;
  installId: string;
  /** "Run 3": the run's number among its install's runs, oldest first. */
  label: string;
}

/** "Run N" for a run of `installId`, numbered like the history (lib/runs/run-names.ts). */
export async function runLabelOf(installId: string, runId: string): Promise<string> {
  const rows = await getDb().run.findMany({ where: { installId }, select: { id: true, createdAt: true } });
  const numbers = runNumbers(rows.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString() })));
  return `Run ${numbers.get(runId) ?? '?'}`;
}

/** A 409 whose message starts from the run's label (`say` receives it) and whose body links the run. */
export async function runRefusal(installId: string, runId: string, say: (label: string) => string): Promise<HttpError> {
  const label = await runLabelOf(installId, runId);
  const run: RefusedRun = { id: runId, installId, label };
  return new HttpError(409, say(label), {}, { run });
}
