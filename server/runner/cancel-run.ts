/** Cancel a run: 404 for an unknown run, 409 when it is no longer active. */
import { getDb } from '../db';
import { HttpError, NotFoundError } from '../http/errors';
import { getRunner } from './runner';

export async function cancelRunById(runId: string): Promise<'cancelled' | 'stopping'> {
  const run = await getDb().run.findUnique({ where: { id: runId }, select: { id: true } });
  if (!run) throw new NotFoundError(`run ${runId} not found`);
  const r = await getRunner().cancel(runId);
  if (r === 'not-active') throw new HttpError(409, 'this run is not active');
  return r;
}
