/**
 * Creates the admin from the one-time setup token (POST /api/auth/setup). Succeeds at most once:
 * the admin row is created with a fixed id (1), so a concurrent second call fails, and the token is
 * revoked afterwards. Token checks go through the same slow-down as passwords (login-gate.ts).
 */
import { getDb } from '../db';
import { HttpError } from '../http/errors';
import { hashPassword } from './hash-password';
import { admitLoginAttempt, type LoginClient } from './login-gate';
import { clearAttempts } from './login-throttle';
import { checkSetupToken, revokeSetupToken } from './setup-token';

export async function completeSetup(input: { token: string; password: string }, client: LoginClient): Promise<void> {
  const db = getDb();
  if (await db.admin.findUnique({ where: { id: 1 } })) throw new HttpError(409, 'setup is already done: log in instead');
  const release = await admitLoginAttempt(client);
  try {
    if (!checkSetupToken(input.token)) throw new HttpError(401, 'wrong setup token (it is printed in the server log on start)');
  } finally {
    release();
  }
  const passwordHash = await hashPassword(input.password);
  try {
    await db.admin.create({ data: { id: 1, passwordHash } });
  } catch {
    throw new HttpError(409, 'setup is already done: log in instead');
  }
  revokeSetupToken();
  await clearAttempts(client.key);
}
