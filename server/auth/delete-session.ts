/**
 * Ends sessions: one (logout; also sweeps expired ones) or all of them ("log out everywhere").
 * Every ended session is announced (session-events.ts), so its open sockets are closed too.
 */
import { getDb } from '../db';
import { inBatches } from '../db-batches';
import { announceSessionsEnded } from './session-events';
import { SESSION_MAX_MS, sessionIdOf } from './session-token';

export async function deleteSession(token: string | undefined, now = new Date()): Promise<void> {
  const db = getDb();
  const ended = token ? [sessionIdOf(token)] : [];
  const expired = await db.session.findMany({
    where: { OR: [{ expiresAt: { lte: now } }, { createdAt: { lte: new Date(now.getTime() - SESSION_MAX_MS) } }] },
    select: { id: true },
  });
  ended.push(...expired.map((s) => s.id));
  if (ended.length === 0) return;
  for (const ids of inBatches(ended)) await db.session.deleteMany({ where: { id: { in: ids } } });
  announceSessionsEnded(ended);
}

/** Ends every session; returns how many there were. */
export async function deleteAllSessions(): Promise<number> {
  const { count } = await getDb().session.deleteMany({});
  announceSessionsEnded('all');
  return count;
}
