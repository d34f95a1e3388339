/**
 * Keyed hashes for "did this secret change?" without keeping the secret: HMAC-SHA256 under a
 * sub-key derived (HKDF-SHA256) from the app's secret key, one sub-key per purpose. A stored hash
 * reveals nothing about the values without the key, and two purposes never share a key.
 *
 * Not a way to store secrets (the secret box does that); only to compare values seen at two times.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { loadSecretKey } from './load-secret-key';

/** A 32-byte sub-key for one purpose (e.g. "login-fingerprint/v1"). */
export function deriveKey(purpose: string, key: Buffer = loadSecretKey()): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `ks-wizard:${purpose}`, 32));
}

/**
 * HMAC-SHA256 (base64url) of a list of values. The list is JSON-encoded, so ["ab", "c"] and
 * ["a", "bc"] differ, and `null` (no value) differs from "" and from "null".
 */
export function keyedHash(subKey: Buffer, parts: readonly (string | null)[]): string {
  return createHmac('sha256', subKey).update(JSON.stringify(parts)).digest('base64url');
}
