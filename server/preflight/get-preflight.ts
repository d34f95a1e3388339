/** Reads a preflight run (or an install's latest picture) as the API shape, and results after a seq. */
import { getDb } from '../db';
import { NotFoundError } from '../http/errors';
import { loadLatestPicture } from './load-picture';
import { toCheckView, toRunView, type PreflightResultEvent, type PreflightRunView } from './view';

export async function getPreflightRun(runId: string): Promise<PreflightRunView> {
  const db = getDb();
  const run = await db.preflightRun.findUnique({ where: { id: runId } });
  if (!run) throw new NotFoundError(`preflight run ${runId} not found`);
  const rows = await db.preflightResult.findMany({ where: { runId }, orderBy: { seq: 'asc' } });
  return toRunView(run, rows);
}

/**
 * The install's latest picture: its newest full check with every later re-check of some hosts
 * applied (picture.ts), or null when nothing was checked yet.
 */
export async function getLatestPreflight(installId: string): Promise<PreflightRunView | null> {
  const install = await getDb().install.findUnique({ where: { id: installId }, select: { id: true, configJson: true } });
  if (!install) throw new NotFoundError(`install ${installId} not found`);
  return (await loadLatestPicture(install))?.view ?? null;
}

export async function resultsAfter(runId: string, afterSeq: number, limit?: number): Promise<PreflightResultEvent[]> {
  const rows = await getDb().preflightResult.findMany({ where: { runId, seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, ...(limit ? { take: limit } : {}) });
  return rows.map((r) => ({ runId, seq: r.seq, host: r.host, check: toCheckView(r) }));
}
