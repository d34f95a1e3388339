/**
 * Session tokens: 32 random bytes (base64url) for the cookie; sha256 hex as the database id.
 * A session ends SESSION_IDLE_MS after its last use, and SESSION_MAX_MS after the login whatever
 * its use (find-session.ts).
 */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
