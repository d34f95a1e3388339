/**
 * Reads the runs of an install's latest preflight picture (picture.ts): newest first, back to the
 * newest full run, each with its result rows.
 */
import { getDb } from '../db';
import { parseStoredConfig } from '../installs/parse-stored-config';
import { isFullRun, latestPicture, type Picture, type StoredPreflightRun } from './picture';
import { preflightHosts } from './preflight-hosts';

/** Runs looked at, at most: a full run is normally among the newest few. */
const MAX_RUNS = 50;

export async function loadLatestPicture(install: { id: string; configJson: string }): Promise<Picture | null> {
  const db = getDb();
  // the installer machine outside the cluster is checked like a host: it is part of the picture
  const current = preflightHosts(parseStoredConfig(install)).map((h) => h.name);
  const metas = await db.preflightRun.findMany({ where: { installId: install.id }, orderBy: { startedAt: 'desc' }, take: MAX_RUNS });
  const runs: StoredPreflightRun[] = [];
  for (const meta of metas) {
    const rows = await db.preflightResult.findMany({ where: { runId: meta.id }, orderBy: { seq: 'asc' } });
    runs.push({ ...meta, rows });
    if (isFullRun({ hostsJson: meta.hostsJson, rows }, current)) break;
  }
  return latestPicture(runs, current);
}
