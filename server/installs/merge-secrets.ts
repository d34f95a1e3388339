/**
 * Merges the secrets of a config sent by the client with the stored ones. Pure: no I/O.
 *
 * Per secret field of `next` (found by find-secret-paths):
 *   `{set:true, value:"x"}` (non-empty)  -> store "x";
 *   `{set:true}`                         -> keep the stored value: a host's from the stored host it
 *                                           is (match-previous-hosts.ts: by unique name, else by
 *                                           position), any other field's from its own id;
 *   `{set:true, copyFrom:"hosts.0.auth.password"}` -> the (new or kept) value of that secret;
 *   `{set:false}`                        -> no value (dropped from the store).
 * A `{set:true}` keep marker that finds no stored value is NOT dropped silently while the install
 * has stored secrets: it is listed in `unmatched` (the caller refuses the save at that field),
 * because the client believes a value is stored and one may be lost. With nothing stored at all (a
 * new install) it becomes `{set:false}`, as does a copy of a missing source. Stored secrets whose field is gone are dropped. The returned
 * config holds only `{set:boolean}` markers: never a value.
 */
import type { Secret } from '@/lib/config/secret';
import type { SecretMap } from '../crypto/secret-box';
import type { FieldIssue } from '../http/errors';
import { findSecretPaths, type ConfigPath, type SecretAt } from './find-secret-paths';
import { matchPreviousHosts } from './match-previous-hosts';
import { pathToString, secretIdOf } from './secret-id';

export interface MergedSecrets<C> {
  /** The config with every secret reduced to `{ set }`. */
  redacted: C;
  /** The new store content: secret id -> value. */
  secrets: SecretMap;
  /** Keep markers (`{set:true}`) with no stored value to keep: refuse rather than drop them. */
  unmatched: FieldIssue[];
}

type ConfigLike = { hosts?: readonly { name?: unknown }[] };

function setAtPath(root: unknown, path: ConfigPath, value: Secret): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

const FIELD_WORDS: Record<string, string> = {
  'auth.password': 'SSH password',
  'auth.privateKey': 'SSH private key',
  'auth.passphrase': 'key passphrase',
  becomePassword: 'sudo password',
};

function unmatchedIssue(config: ConfigLike, path: ConfigPath, matchedHost: boolean): FieldIssue {
  const [head, index, ...rest] = path;
  if (head !== 'hosts' || typeof index !== 'number') {
    return { path: pathToString(path), message: 'no stored value was found to keep for this secret: enter it again' };
  }
  const what = FIELD_WORDS[rest.join('.')] ?? 'secret';
  const name = typeof config.hosts?.[index]?.name === 'string' && config.hosts[index].name !== '' ? `${String(config.hosts[index].name)} (host ${index + 1})` : `host ${index + 1}`;
  const message = matchedHost
    ? `no ${what} is stored for ${name}: enter it`
    : `the wizard cannot tell which stored ${what} ${name} keeps (hosts with the same name were renamed, moved, added or removed in one save): enter it again`;
  return { path: pathToString(path), message };
}

export function mergeSecrets<C extends ConfigLike>(next: C, previous: ConfigLike | null, stored: SecretMap): MergedSecrets<C> {
  const fields = findSecretPaths(next);
  const byPath = new Map<string, SecretAt>(fields.map((f) => [pathToString(f.path), f]));
  const resolved = new Map<string, string | undefined>();
  const sameHost = matchPreviousHosts(next, previous);

  const storedValue = (path: ConfigPath): string | undefined => {
    const [head, index, ...rest] = path;
    if (head !== 'hosts' || typeof index !== 'number') return stored[secretIdOf(next, path)];
    const was = sameHost[index];
    if (was === null || was === undefined || !previous) return undefined;
    return stored[secretIdOf(previous, ['hosts', was, ...rest])];
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
  const unmatched: FieldIssue[] = [];
  for (const field of fields) {
    const value = resolve(pathToString(field.path), new Set());
    setAtPath(redacted, field.path, { set: value !== undefined });
    if (value !== undefined) secrets[secretIdOf(next, field.path)] = value;
    const keep = field.secret.set && !field.secret.value && field.secret.copyFrom === undefined;
    if (keep && value === undefined && previous && Object.keys(stored).length > 0) {
      const index = field.path[0] === 'hosts' ? field.path[1] : undefined;
      unmatched.push(unmatchedIssue(next, field.path, typeof index === 'number' && sameHost[index] !== null));
    }
  }
  return { redacted, secrets, unmatched };
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
