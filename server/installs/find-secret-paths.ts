/**
 * Generic walk over a config for every secret field: any object shaped `{ set: boolean, value?:
 * string, copyFrom?: string }` (lib/config/secret.ts). New secret fields in the model therefore need
 * no change here. Paths are arrays of keys/indices, e.g. ['hosts', 1, 'auth', 'password'].
 */
import type { Secret } from '@/lib/config/secret';

export type ConfigPath = (string | number)[];

export interface SecretAt {
  path: ConfigPath;
  secret: Secret;
}

const SECRET_KEYS = new Set(['set', 'value', 'copyFrom', 'enteredFor', 'useFor']);

export function isSecretShape(value: unknown): value is Secret {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.set !== 'boolean') return false;
  return Object.entries(record).every(([k, v]) => SECRET_KEYS.has(k) && (k === 'set' || v === undefined || typeof v === 'string'));
}

export function findSecretPaths(value: unknown, prefix: ConfigPath = []): SecretAt[] {
  if (isSecretShape(value)) return [{ path: prefix, secret: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => findSecretPaths(item, [...prefix, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => findSecretPaths(v, [...prefix, k]));
  }
  return [];
}
