/**
 * Looks up the session of a cookie token. A valid session slides: its expiry moves to now + 12 h
 * (written at most once a minute). Expired sessions are deleted on sight.
 */
import { getDb } from '../db';
import { SESSION_TTL_MS, sessionIdOf } from './session-token';

export interface SessionInfo {
  id: string;
  expiresAt: Date;
}

const SLIDE_EVERY_MS = 60_000;

export async function findSession(token: string | undefined, now = new Date()): Promise<SessionInfo | null> {
  if (!token) return null;
  const db = getDb();
  const id = sessionIdOf(token);
  const session = await db.session.findUnique({ where: { id } });
  if (!session) return null;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - session.lastSeen.getTime() < SLIDE_EVERY_MS) return { id, expiresAt: session.expiresAt };
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.session.updateMany({ where: { id }, data: { lastSeen: now, expiresAt } });
  return { id, expiresAt };
}
