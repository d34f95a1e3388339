/**
 * The per-client record of the failed-login slow-down, persisted in LoginAttempt (key = the client,
 * login-gate.ts says which) so a restart does not reset it. `failures` counts attempts: each is
 * recorded BEFORE its password is checked, and so is each attempt refused while locked. After 3,
 * the client is locked for 2^(attempts-3) s (capped at 30 s) after its last attempt, so a client
 * that keeps trying while locked stays locked. A success clears the record; a record whose last
 * attempt is older than FORGET_AFTER_MS starts again from zero.
 */
import { getDb } from '../db';

export const FREE_FAILURES = 3;
export const MAX_LOCK_SECONDS = 30;
export const FORGET_AFTER_MS = 15 * 60 * 1000;

export function lockSecondsFor(failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES), MAX_LOCK_SECONDS);
}

/** Seconds the client must still wait, 0 when it may try now. */
export async function getLockSeconds(key: string, now = new Date()): Promise<number> {
  const row = await getDb().loginAttempt.findUnique({ where: { key } });
  if (!row || now.getTime() - row.lastFailure.getTime() > FORGET_AFTER_MS) return 0;
  const until = row.lastFailure.getTime() + lockSecondsFor(row.failures) * 1000;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts one attempt of `key` (a stale record starts again at 1). */
export async function recordAttempt(key: string, now = new Date()): Promise<void> {
  const db = getDb();
  const recent = await db.loginAttempt.updateMany({
    where: { key, lastFailure: { gte: new Date(now.getTime() - FORGET_AFTER_MS) } },
    data: { failures: { increment: 1 }, lastFailure: now },
  });
  if (recent.count > 0) return;
  await db.loginAttempt.upsert({ where: { key }, create: { key, failures: 1, lastFailure: now }, update: { failures: 1, lastFailure: now } });
}

export async function clearAttempts(key: string): Promise<void> {
  await getDb().loginAttempt.deleteMany({ where: { key } });
}
