/**
 * The one-time setup token, used only when no admin exists and KSW_ADMIN_PASSWORD is not set.
 * Only its sha256 lives in memory (on globalThis, shared with Next's route bundles); it is printed
 * once on start and dies when the admin is created or the process exits.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const globalToken = globalThis as unknown as { __kswSetupTokenHash?: Buffer };

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** Makes a fresh 24-character token, replacing any earlier one, and returns it (to print). */
export function issueSetupToken(): string {
  let token = '';
  for (let i = 0; i < 24; i++) token += ALPHABET[randomInt(ALPHABET.length)];
  globalToken.__kswSetupTokenHash = sha256(token);
  return token;
}

export function hasSetupToken(): boolean {
  return globalToken.__kswSetupTokenHash !== undefined;
}

export function checkSetupToken(token: string): boolean {
  const expected = globalToken.__kswSetupTokenHash;
  return expected !== undefined && timingSafeEqual(sha256(token.trim()), expected);
}

export function revokeSetupToken(): void {
  globalToken.__kswSetupTokenHash = undefined;
}
