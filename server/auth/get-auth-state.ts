/** Whether the UI should show /setup, /login or the app (GET /api/auth/state). */
import { getDb } from '../db';
import { findSession } from './find-session';
import type { AuthState } from '@/lib/api/auth';

export type { AuthState };

export async function getAuthState(token: string | undefined): Promise<AuthState> {
  const admin = await getDb().admin.findUnique({ where: { id: 1 }, select: { id: true } });
  if (!admin) return { setupNeeded: true, loggedIn: false };
  return { setupNeeded: false, loggedIn: (await findSession(token)) !== null };
}
