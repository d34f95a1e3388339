/**
 * Failed-login throttle per client address, persisted in LoginAttempt so a restart does not reset it.
 * After 3 failures, the address is locked for 2^(failures-3) s (capped at 30 s) after its last
 * failure; attempts during the lock are answered 429 without checking the password.
 * A success clears the record.
 */
import { getDb } from '../db';

export const FREE_FAILURES = 3;
export const MAX_LOCK_SECONDS = 30;

export function lockSecondsFor(failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES), MAX_LOCK_SECONDS);
}

/** Seconds the client must still wait, 0 when it may try now. */
export async function getLockSeconds(key: string, now = new Date()): Promise<number> {
  const row = await getDb().loginAttempt.findUnique({ where: { key } });
  if (!row) return 0;
  const until = row.lastFailure.getTime() + lockSecondsFor(row.failures) * 1000;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailure(key: string, now = new Date()): Promise<void> {
  await getDb().loginAttempt.upsert({
    where: { key },
    create: { key, failures: 1, lastFailure: now },
    update: { failures: { increment: 1 }, lastFailure: now },
  });
}

export async function clearFailures(key: string): Promise<void> {
  await getDb().loginAttempt.deleteMany({ where: { key } });
}
