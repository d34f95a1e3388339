/**
 * Checks the admin password (POST /api/auth/login) under the failed-login throttle and opens a
 * session. Returns the cookie token; throws HttpError 401 (wrong) or 429 (locked, with Retry-After).
 */
import { getDb } from '../db';
import { HttpError } from '../http/errors';
import { createSession } from './create-session';
import { verifyPassword } from './hash-password';
import { clearFailures, getLockSeconds, recordFailure } from './login-throttle';

export async function logIn(password: string, clientKey: string): Promise<string> {
  const wait = await getLockSeconds(clientKey);
  if (wait > 0) throw new HttpError(429, `too many failed logins: retry in ${wait} s`, { 'Retry-After': String(wait) });
  const admin = await getDb().admin.findUnique({ where: { id: 1 } });
  if (!admin) throw new HttpError(409, 'no admin yet: finish the setup at /setup first');
  if (!(await verifyPassword(password, admin.passwordHash))) {
    await recordFailure(clientKey);
    throw new HttpError(401, 'wrong password');
  }
  await clearFailures(clientKey);
  return createSession();
}
