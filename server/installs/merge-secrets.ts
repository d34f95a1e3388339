/**
 * Merges the secrets of a config sent by the client with the stored ones. Pure: no I/O.
 *
 * Per secret field of `next` (found by find-secret-paths):
 *   `{set:true, value:"x"}` (non-empty)  -> store "x";
 *   `{set:true}`                         -> keep the stored value of the same id; when the host was
 *                                           renamed, fall back to the previous config's host at the
 *                                           same index
 *                                           (when that host's old name is gone from the new config);
 *   `{set:true, copyFrom:"hosts.0.auth.password"}` -> the (new or kept) value of that secret;
 *   `{set:false}`                        -> no value (dropped from the store).
 * A `{set:true}` that ends with no value anywhere becomes `{set:false}`. Stored secrets whose field
 * is gone are dropped. The returned config holds only `{set:boolean}` markers: never a value.
 */
import type { Secret } from '@/lib/config/secret';
import type { SecretMap } from '../crypto/secret-box';
import { findSecretPaths, type ConfigPath, type SecretAt } from './find-secret-paths';
import { pathToString, secretIdOf } from './secret-id';

export interface MergedSecrets<C> {
  /** The config with every secret reduced to `{ set }`. */
  redacted: C;
  /** The new store content: secret id -> value. */
  secrets: SecretMap;
}

type ConfigLike = { hosts?: readonly { name?: unknown }[] };

function setAtPath(root: unknown, path: ConfigPath, value: Secret): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

export function mergeSecrets<C extends ConfigLike>(next: C, previous: ConfigLike | null, stored: SecretMap): MergedSecrets<C> {
  const fields = findSecretPaths(next);
  const byPath = new Map<string, SecretAt>(fields.map((f) => [pathToString(f.path), f]));
  const resolved = new Map<string, string | undefined>();

  const storedValue = (path: ConfigPath): string | undefined => {
    const own = stored[secretIdOf(next, path)];
    if (own !== undefined) return own;
    if (!previous || path[0] !== 'hosts' || typeof path[1] !== 'number') return undefined;
    // renamed host: take over the secrets of the previous host at the same index, but only when that
    // host's name is gone from the new config (else it merely moved, and its secrets went with it)
    const oldName = previous.hosts?.[path[1]]?.name;
    if (next.hosts?.some((h) => h.name === oldName)) return undefined;
    return stored[secretIdOf(previous, path)];
  };

  const resolve = (key: string, seen: Set<string>): string | undefined => {
    if (resolved.has(key)) return resolved.get(key);
    const field = byPath.get(key);
    if (!field || seen.has(key)) return undefined;
    seen.add(key);
    const { secret, path } = field;
    let value: string | undefined;
    if (!secret.set) value = undefined;
    else if (secret.value !== undefined && secret.value !== '') value = secret.value;
    else if (secret.copyFrom !== undefined) value = resolve(secret.copyFrom, seen);
    else value = storedValue(path);
    resolved.set(key, value);
    return value;
  };

  const redacted = structuredClone(next);
  const secrets: SecretMap = {};
  for (const field of fields) {
    const value = resolve(pathToString(field.path), new Set());
    setAtPath(redacted, field.path, { set: value !== undefined });
    if (value !== undefined) secrets[secretIdOf(next, field.path)] = value;
  }
  return { redacted, secrets };
}

/** Fills every `{set:true}` marker of a redacted config with its stored value (for runs only). */
export function fillSecrets<C extends ConfigLike>(redacted: C, stored: SecretMap): C {
  const filled = structuredClone(redacted);
  for (const field of findSecretPaths(redacted)) {
    const value = field.secret.set ? stored[secretIdOf(redacted, field.path)] : undefined;
    setAtPath(filled, field.path, value === undefined ? { set: false } : { set: true, value });
  }
  return filled;
}
