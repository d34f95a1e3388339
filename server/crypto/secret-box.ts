/**
 * AES-256-GCM box for a JSON map of secrets (secret id -> value), stored in `Install.secretsEnc`.
 *
 * Format: `v1:` + base64(iv[12] | tag[16] | ciphertext). A fresh random IV per seal. The optional
 * `context` (the install id) is bound as additional authenticated data, so a blob copied onto
 * another install does not open.
 *
 * Invariants: open() either returns exactly what seal() was given or throws SecretBoxError; error
 * messages never contain plaintext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export type SecretMap = Record<string, string>;

const VERSION = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new SecretBoxError('secret key must be 32 bytes');
}

/** Encrypts `secrets` under `key`; `context` must be given again to open. */
export function sealSecrets(secrets: SecretMap, key: Buffer, context = ''): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`ks-wizard:${context}`, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Decrypts a blob made by sealSecrets; throws SecretBoxError on a wrong key, context or tampering. */
export function openSecrets(blob: string, key: Buffer, context = ''): SecretMap {
  assertKey(key);
  if (!blob.startsWith(VERSION)) throw new SecretBoxError('unknown secret blob version');
  const raw = Buffer.from(blob.slice(VERSION.length), 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('secret blob is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(`ks-wizard:${context}`, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  let text: string;
  try {
    text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('secrets cannot be decrypted: wrong key or the data was altered');
  }
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SecretBoxError('secret blob does not hold a map');
  }
  const out: SecretMap = {};
  for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
  return out;
}
