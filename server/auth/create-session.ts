/** Creates a session row (id = sha256(token), idle expiry) and returns the cookie token. */
import { getDb } from '../db';
import { newSessionToken, SESSION_IDLE_MS, sessionIdOf } from './session-token';

export async function createSession(now = new Date()): Promise<string> {
  const token = newSessionToken();
  await getDb().session.create({
    data: { id: sessionIdOf(token), createdAt: now, lastSeen: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) },
  });
  return token;
}
