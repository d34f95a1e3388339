/**
 * For server components: returns the session or redirects — to /setup while no admin exists, to
 * /login without a valid session. Reads the cookie through next/headers (pages only; API handlers
 * use server/http/with-api.ts, which reads the raw Cookie header).
 */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getAuthState } from './get-auth-state';
import { findSession, type SessionInfo } from './find-session';
import { SESSION_COOKIE } from './session-cookie';

export async function requirePageSession(): Promise<SessionInfo> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const session = await findSession(token);
  if (session) return session;
  const state = await getAuthState(undefined);
  redirect(state.setupNeeded ? '/setup' : '/login');
}
