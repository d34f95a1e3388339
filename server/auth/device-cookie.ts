/**
 * The device cookie `ksw_device`: set by a successful login or setup, it tells the failed-login
 * slow-down "this browser has logged in here before". Its value is `<id>.<mac>`: 16 random bytes
 * and an HMAC of them under a key derived from the secret key, so it cannot be made up; it grants
 * nothing by itself (no session, no access), it only gives the browser a throttle record of its own
 * (login-gate.ts), so a guesser elsewhere — or behind the same address — never locks it out.
 * httpOnly, SameSite=Strict, sent to /api/auth only, kept 400 days (the longest browsers keep one).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '../crypto/keyed-hash';

export const DEVICE_COOKIE = 'ksw_device';
const MAX_AGE_S = 400 * 24 * 60 * 60;
const VALUE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

const macOf = (id: string) => createHmac('sha256', deriveKey('login-device/v1')).update(id).digest();

/** The device id of a Cookie header's `ksw_device`, when its MAC is right; otherwise undefined. */
export function readDeviceId(cookieHeader: string | null | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== DEVICE_COOKIE) continue;
    const match = VALUE.exec(part.slice(eq + 1).trim());
    if (!match?.[1] || !match[2]) return undefined;
    const given = Buffer.from(match[2], 'base64url');
    const expected = macOf(match[1]);
    return given.length === expected.length && timingSafeEqual(given, expected) ? match[1] : undefined;
  }
  return undefined;
}

/** A Set-Cookie for device `id` (a fresh one when undefined). */
export function deviceCookie(id: string | undefined, secure: boolean): string {
  const deviceId = id ?? randomBytes(16).toString('base64url');
  const value = `${deviceId}.${macOf(deviceId).toString('base64url')}`;
  return `${DEVICE_COOKIE}=${value}; Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age=${MAX_AGE_S}${secure ? '; Secure' : ''}`;
}
