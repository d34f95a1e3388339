/**
 * Looks up the session of a cookie token (or of a session id: sockets keep the id). A session is
 * valid until its idle expiry and at most SESSION_MAX_MS after it was created. A valid session
 * slides: its expiry moves to now + SESSION_IDLE_MS, never past the absolute end (written at most
 * once a minute). An ended session is deleted on sight and announced (session-events.ts).
 */
import { getDb } from '../db';
import { announceSessionsEnded } from './session-events';
import { SESSION_IDLE_MS, SESSION_MAX_MS, sessionIdOf } from './session-token';

export interface SessionInfo {
  id: string;
  expiresAt: Date;
}

const SLIDE_EVERY_MS = 60_000;

export async function findSessionById(id: string, now = new Date()): Promise<SessionInfo | null> {
  const db = getDb();
  const session = await db.session.findUnique({ where: { id } });
  if (!session) return null;
  const absoluteEnd = session.createdAt.getTime() + SESSION_MAX_MS;
  if (session.expiresAt.getTime() <= now.getTime() || absoluteEnd <= now.getTime()) {
    await db.session.deleteMany({ where: { id } });
    announceSessionsEnded([id]);
    return null;
  }
  if (now.getTime() - session.lastSeen.getTime() < SLIDE_EVERY_MS) return { id, expiresAt: session.expiresAt };
  const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, absoluteEnd));
  await db.session.updateMany({ where: { id }, data: { lastSeen: now, expiresAt } });
  return { id, expiresAt };
}

export async function findSession(token: string | undefined, now = new Date()): Promise<SessionInfo | null> {
  return token ? findSessionById(sessionIdOf(token), now) : null;
}
