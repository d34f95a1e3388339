/**
 * Checks the admin password (POST /api/auth/login) behind the failed-login slow-down
 * (login-gate.ts: the attempt is admitted and counted before the password is checked) and opens a
 * session. Returns the cookie token; throws HttpError 401 (wrong), 409 (no admin yet) or 429
 * (throttled, with Retry-After).
 */
import { getDb } from '../db';
import { HttpError } from '../http/errors';
import { createSession } from './create-session';
import { verifyPassword } from './hash-password';
import { admitLoginAttempt, type LoginClient } from './login-gate';
import { clearAttempts } from './login-throttle';

export async function logIn(password: string, client: LoginClient): Promise<string> {
  const admin = await getDb().admin.findUnique({ where: { id: 1 } });
  if (!admin) throw new HttpError(409, 'no admin yet: finish the setup at /setup first');
  const release = await admitLoginAttempt(client);
  try {
    if (!(await verifyPassword(password, admin.passwordHash))) throw new HttpError(401, 'wrong password');
    await clearAttempts(client.key);
    return await createSession();
  } finally {
    release();
  }
}
