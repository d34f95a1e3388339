/**
 * Login secrets (a host's or the external installer machine's SSH password, key, passphrase and sudo
 * password) are bound to the endpoint ("address:port") they were entered for. Pure.
 *
 * Invariants: a value entered in a save (typed, or copied from a value typed in the same save) is
 * bound to its own holder's endpoint; a kept value keeps its binding (legacy stores without one:
 * the endpoint of the holder it was kept from); a copy of a stored value takes the source's
 * binding; `useFor` equal to the holder's endpoint now rebinds it there (the operator confirmed).
 * A value whose binding is not its holder's endpoint now is HELD: stored, marked `enteredFor`,
 * and never filled in for a connection.
 *
 * The bindings are sealed with the values, under ids `endpoint:<secret id>`.
 */
import { endpointOf } from '@/lib/config/endpoint';
import type { SecretMap } from '../crypto/secret-box';
import type { ConfigPath } from './find-secret-paths';

export type EndpointMap = Record<string, string>;

const PREFIX = 'endpoint:';

interface LoginHolder {
  address?: unknown;
  port?: unknown;
}
export interface EndpointConfig {
  hosts?: readonly LoginHolder[];
  installer?: { machine?: LoginHolder & { kind?: unknown } };
}

/** The endpoint whose login a secret at `path` is, or undefined for a secret that is no login (storage). */
export function loginEndpointAt(config: EndpointConfig, path: ConfigPath): string | undefined {
  const [head, second] = path;
  const holder = head === 'hosts' && typeof second === 'number' ? config.hosts?.[second] : head === 'installer' && second === 'machine' ? config.installer?.machine : undefined;
  if (!holder || typeof holder.address !== 'string' || typeof holder.port !== 'number') return undefined;
  return endpointOf({ address: holder.address, port: holder.port });
}

/** Splits a sealed store into the secret values and their bindings. */
export function splitStore(store: SecretMap): { values: SecretMap; endpoints: EndpointMap } {
  const values: SecretMap = {};
  const endpoints: EndpointMap = {};
  for (const [id, v] of Object.entries(store)) {
    if (id.startsWith(PREFIX)) endpoints[id.slice(PREFIX.length)] = v;
    else values[id] = v;
  }
  return { values, endpoints };
}

/** One map to seal: the values and their bindings. */
export function joinStore(values: SecretMap, endpoints: EndpointMap): SecretMap {
  const store: SecretMap = { ...values };
  for (const [id, endpoint] of Object.entries(endpoints)) if (id in values) store[PREFIX + id] = endpoint;
  return store;
}
