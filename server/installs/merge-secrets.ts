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
 * config holds only `{set:boolean}` markers (plus `enteredFor` on a held login secret): never a value.
 *
 * Login secrets are bound to the endpoint they were entered for (secret-endpoints.ts): a kept or
 * copied value whose holder now points elsewhere is held back until `useFor` confirms it there.
 */
import type { Secret } from '@/lib/config/secret';
import type { SecretMap } from '../crypto/secret-box';
import type { FieldIssue } from '../http/errors';
import { findSecretPaths, type ConfigPath, type SecretAt } from './find-secret-paths';
import { matchPreviousHosts } from './match-previous-hosts';
import { lbHostEndpoint, loginEndpointAt, type EndpointConfig, type EndpointMap } from './secret-endpoints';
import { pathToString, secretIdOf } from './secret-id';

export interface MergedSecrets<C> {
  /** The config with every secret reduced to `{ set }`. */
  redacted: C;
  /** The new store content: secret id -> value. */
  secrets: SecretMap;
  /** Login secret id -> the endpoint its value was entered (or confirmed) for. */
  endpoints: EndpointMap;
  /** Keep markers (`{set:true}`) with no stored value to keep: refuse rather than drop them. */
  unmatched: FieldIssue[];
}

type ConfigLike = { hosts?: readonly { name?: unknown; address?: unknown; port?: unknown }[] } & EndpointConfig;

/** A resolved value: where it is bound, and whether it was typed in this save. */
interface Resolved {
  value: string;
  boundTo: string | undefined;
  fresh: boolean;
}

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
  const name =
    typeof config.hosts?.[index]?.name === 'string' && config.hosts[index].name !== ''
      ? `${String(config.hosts[index].name)} (host ${index + 1})`
      : `host ${index + 1}`;
  const message = matchedHost
    ? `no ${what} is stored for ${name}: enter it`
    : `the wizard cannot tell which stored ${what} ${name} keeps (hosts with the same name were renamed, moved, added or removed in one save): enter it again`;
  return { path: pathToString(path), message };
}

function lbHostName(config: EndpointConfig, path: ConfigPath): unknown {
  const index = path[2];
  return typeof index === 'number' ? config.loadBalancer?.hosts?.[index]?.name : undefined;
}

export function mergeSecrets<C extends ConfigLike>(
  next: C,
  previous: ConfigLike | null,
  stored: SecretMap,
  storedEndpoints: EndpointMap = {},
): MergedSecrets<C> {
  const fields = findSecretPaths(next);
  const byPath = new Map<string, SecretAt>(fields.map((f) => [pathToString(f.path), f]));
  const resolved = new Map<string, Resolved | undefined>();
  const sameHost = matchPreviousHosts(next, previous);

  const storedAt = (path: ConfigPath): Resolved | undefined => {
    const [head, index, ...rest] = path;
    if (head === 'hosts' && typeof index === 'number') {
      const was = sameHost[index];
      if (was === null || was === undefined || !previous) return undefined;
      const id = secretIdOf(previous, ['hosts', was, ...rest]);
      const value = stored[id];
      return value === undefined ? undefined : { value, boundTo: storedEndpoints[id] ?? loginEndpointAt(previous, ['hosts', was, ...rest]), fresh: false };
    }
    // any other secret's id is the same in both configs (LB hosts are keyed by name)
    const id = secretIdOf(next, path);
    const value = stored[id];
    if (value === undefined) return undefined;
    const legacyBinding =
      head === 'loadBalancer' && index === 'hosts' ? lbHostEndpoint(previous, lbHostName(next, path)) : previous ? loginEndpointAt(previous, path) : undefined;
    return { value, boundTo: storedEndpoints[id] ?? legacyBinding, fresh: false };
  };

  const resolve = (key: string, seen: Set<string>): Resolved | undefined => {
    if (resolved.has(key)) return resolved.get(key);
    const field = byPath.get(key);
    if (!field || seen.has(key)) return undefined;
    seen.add(key);
    const { secret, path } = field;
    const own = loginEndpointAt(next, path);
    let r: Resolved | undefined;
    if (!secret.set) r = undefined;
    else if (secret.value !== undefined && secret.value !== '') r = { value: secret.value, boundTo: own, fresh: true };
    else if (secret.copyFrom !== undefined) r = resolve(secret.copyFrom, seen);
    else r = storedAt(path);
    // typed in this save, or confirmed by the operator for where the holder points now: bound here
    if (r && (r.fresh || (secret.useFor !== undefined && secret.useFor === own))) r = { ...r, boundTo: own };
    resolved.set(key, r);
    return r;
  };

  const redacted = structuredClone(next);
  const secrets: SecretMap = {};
  const endpoints: EndpointMap = {};
  const unmatched: FieldIssue[] = [];
  for (const field of fields) {
    const r = resolve(pathToString(field.path), new Set());
    const own = loginEndpointAt(next, field.path);
    const held = r !== undefined && own !== undefined && r.boundTo !== own;
    setAtPath(redacted, field.path, r === undefined ? { set: false } : held ? { set: true, enteredFor: r.boundTo ?? 'another field' } : { set: true });
    const id = secretIdOf(next, field.path);
    if (r !== undefined) secrets[id] = r.value;
    if (r?.boundTo !== undefined && own !== undefined) endpoints[id] = r.boundTo;
    const keep = field.secret.set && !field.secret.value && field.secret.copyFrom === undefined;
    if (keep && r === undefined && previous && Object.keys(stored).length > 0) {
      const index = field.path[0] === 'hosts' ? field.path[1] : undefined;
      unmatched.push(unmatchedIssue(next, field.path, typeof index === 'number' && sameHost[index] !== null));
    }
  }
  return { redacted, secrets, endpoints, unmatched };
}

/**
 * Fills every `{set:true}` marker of a redacted config with its stored value (for runs only). A held
 * login secret (bound to another endpoint than its holder's now) gets no value: `{set:true, enteredFor}`.
 */
export function fillSecrets<C extends ConfigLike>(redacted: C, stored: SecretMap, storedEndpoints: EndpointMap = {}): C {
  const filled = structuredClone(redacted);
  for (const field of findSecretPaths(redacted)) {
    const id = secretIdOf(redacted, field.path);
    const value = field.secret.set ? stored[id] : undefined;
    const own = loginEndpointAt(redacted, field.path);
    const boundTo = storedEndpoints[id] ?? field.secret.enteredFor ?? own;
    if (value === undefined) setAtPath(filled, field.path, { set: false });
    else if (own !== undefined && boundTo !== own) setAtPath(filled, field.path, { set: true, enteredFor: boundTo });
    else setAtPath(filled, field.path, { set: true, value });
  }
  return filled;
}
