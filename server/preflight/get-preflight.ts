/** Reads a preflight run (or an install's latest) as the API shape, and results after a seq. */
import { getDb } from '../db';
import { NotFoundError } from '../http/errors';
import { toCheckView, toRunView, type PreflightResultEvent, type PreflightRunView } from './view';

export async function getPreflightRun(runId: string): Promise<PreflightRunView> {
  const db = getDb();
  const run = await db.preflightRun.findUnique({ where: { id: runId } });
  if (!run) throw new NotFoundError(`preflight run ${runId} not found`);
  const rows = await db.preflightResult.findMany({ where: { runId }, orderBy: { seq: 'asc' } });
  return toRunView(run, rows);
}

/** The newest run of an install, or null when there is none yet. */
export async function getLatestPreflight(installId: string): Promise<PreflightRunView | null> {
  const db = getDb();
  const install = await db.install.findUnique({ where: { id: installId }, select: { id: true } });
  if (!install) throw new NotFoundError(`install ${installId} not found`);
  const run = await db.preflightRun.findFirst({ where: { installId }, orderBy: { startedAt: 'desc' } });
  return run ? getPreflightRun(run.id) : null;
}

export async function resultsAfter(runId: string, afterSeq: number): Promise<PreflightResultEvent[]> {
  const rows = await getDb().preflightResult.findMany({ where: { runId, seq: { gt: afterSeq } }, orderBy: { seq: 'asc' } });
  return rows.map((r) => ({ runId, seq: r.seq, host: r.host, check: toCheckView(r) }));
}
