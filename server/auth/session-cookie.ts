/**
 * The session cookie `ksw_session`: httpOnly, SameSite=Strict, Path=/, Secure when the request came
 * over https (as the front door established it: server/http/client-address.ts). It holds the random
 * token; the database only knows sha256(token).
 */
import { HTTPS_HEADER } from '../http/client-address';

export const SESSION_COOKIE = 'ksw_session';

/** Reads the session token from a raw `Cookie` header. */
export function readSessionToken(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** True when the front door stamped the request as https; a client's own X-Forwarded-Proto never counts. */
export function isHttpsRequest(request: Request): boolean {
  return request.headers.get(HTTPS_HEADER) === '1';
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}
