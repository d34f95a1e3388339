/**
 * The global login budget: how many password (or setup token) checks clients WITHOUT a device
 * cookie may have, all addresses together. A token bucket: GLOBAL_LOGIN_BURST checks at once, then
 * one more every GLOBAL_LOGIN_REFILL_MS. It bounds a guesser who rotates addresses (each new address
 * would otherwise bring its own free attempts) to about 10 guesses a minute in total, whatever the
 * number of addresses; browsers that have logged in before (device-cookie.ts) are outside it.
 * In memory (on globalThis, shared with Next's route bundles): a restart refills it.
 */
export const GLOBAL_LOGIN_BURST = 10;
export const GLOBAL_LOGIN_REFILL_MS = 6_000;

interface Bucket {
  tokens: number;
  at: number;
}

const globalBucket = globalThis as unknown as { __kswLoginBucket?: Bucket };

function refilled(now: number): Bucket {
  const bucket = globalBucket.__kswLoginBucket ?? { tokens: GLOBAL_LOGIN_BURST, at: now };
  const gained = Math.floor((now - bucket.at) / GLOBAL_LOGIN_REFILL_MS);
  const next =
    gained > 0
      ? {
          tokens: Math.min(GLOBAL_LOGIN_BURST, bucket.tokens + gained),
          at: bucket.tokens + gained >= GLOBAL_LOGIN_BURST ? now : bucket.at + gained * GLOBAL_LOGIN_REFILL_MS,
        }
      : bucket;
  globalBucket.__kswLoginBucket = next;
  return next;
}

/** Takes one check from the budget (synchronously: no other request can interleave); false when empty. */
export function takeGlobalLoginToken(now = Date.now()): boolean {
  const bucket = refilled(now);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/** Seconds until the budget has a check again (at least 1). */
export function globalLoginWaitSeconds(now = Date.now()): number {
  const bucket = refilled(now);
  return bucket.tokens >= 1 ? 1 : Math.max(1, Math.ceil((bucket.at + GLOBAL_LOGIN_REFILL_MS - now) / 1000));
}

/** Refills the budget (tests that log in many times). */
export function resetGlobalLoginBudget(): void {
  globalBucket.__kswLoginBucket = undefined;
}
