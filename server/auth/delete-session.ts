/** Ends the session of a cookie token (logout); also sweeps expired sessions. */
import { getDb } from '../db';
import { sessionIdOf } from './session-token';

export async function deleteSession(token: string | undefined, now = new Date()): Promise<void> {
  const db = getDb();
  if (token) await db.session.deleteMany({ where: { id: sessionIdOf(token) } });
  await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
}
