/**
 * Admission to a password (or setup token) check: the failed-login slow-down.
 *
 * A client is its device cookie when it has a valid one (a browser that has logged in before,
 * device-cookie.ts), else its address (the TCP peer, or the client a trusted proxy names). Before
 * the check, in this order:
 *   1. one check at a time per client: while one is running, another is refused (429) at once;
 *   2. the client's own lock (login-throttle.ts): refused while locked;
 *   3. clients without a device cookie share a global budget (login-budget.ts): refused when empty;
 *   4. the attempt is recorded, then the check may run.
 * A refused attempt is recorded against the same client, so guessing while locked keeps that
 * client locked — and only that client: the admin's browser, with its device cookie, has a record
 * of its own even behind the same address, and is outside the global budget.
 * Steps 1 and 3 are synchronous (in memory, on globalThis), so concurrent requests cannot all pass
 * them; step 2 needs the database but runs after step 1 has claimed the client.
 */
import { getClientAddress } from '../http/client-address';
import { HttpError } from '../http/errors';
import { readDeviceId } from './device-cookie';
import { globalLoginWaitSeconds, takeGlobalLoginToken } from './login-budget';
import { getLockSeconds, recordAttempt } from './login-throttle';

export interface LoginClient {
  /** `device:<id>` or `addr:<address>`: the LoginAttempt key. */
  key: string;
  /** The device id of a valid device cookie. */
  deviceId?: string;
}

const inFlight = (globalThis as unknown as { __kswLoginsInFlight?: Set<string> }).__kswLoginsInFlight ?? new Set<string>();
(globalThis as unknown as { __kswLoginsInFlight?: Set<string> }).__kswLoginsInFlight = inFlight;

export function loginClientOf(request: Request): LoginClient {
  const deviceId = readDeviceId(request.headers.get('cookie'));
  return deviceId ? { key: `device:${deviceId}`, deviceId } : { key: `addr:${getClientAddress(request)}` };
}

function tooMany(seconds: number, why: string): HttpError {
  return new HttpError(429, `${why}: retry in ${seconds} s`, { 'Retry-After': String(seconds) });
}

/** Admits one check for `client` or throws 429; call the returned function when the check is over. */
export async function admitLoginAttempt(client: LoginClient): Promise<() => void> {
  if (inFlight.has(client.key)) {
    await recordAttempt(client.key);
    throw tooMany(1, 'a login from this client is being checked already');
  }
  inFlight.add(client.key);
  const release = () => inFlight.delete(client.key);
  try {
    const wait = await getLockSeconds(client.key);
    if (wait > 0) {
      await recordAttempt(client.key);
      throw tooMany(Math.max(wait, await getLockSeconds(client.key)), 'too many failed logins');
    }
    if (!client.deviceId && !takeGlobalLoginToken()) {
      await recordAttempt(client.key);
      throw tooMany(globalLoginWaitSeconds(), 'too many failed logins on this server (a browser that has logged in here before is not held back)');
    }
    await recordAttempt(client.key);
    return release;
  } catch (err) {
    release();
    throw err;
  }
}
