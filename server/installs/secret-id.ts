/**
 * Stable ids of secrets in the encrypted store. A host secret is keyed by the host NAME
 * (`host:master2:auth.password`), so reordering hosts keeps their secrets; a host whose name is
 * empty or not unique (possible in a draft) falls back to its index (`host:#3:auth.password`).
 * Any other secret is keyed by its dot path (`storage.cephRbd.adminSecret`).
 */
import type { ConfigPath } from './find-secret-paths';

interface HostsHolder {
  hosts?: readonly { name?: unknown }[];
}

export function hostKeyOf(config: HostsHolder, index: number): string {
  const hosts = config.hosts ?? [];
  const name = hosts[index]?.name;
  if (typeof name === 'string' && name !== '' && hosts.filter((h) => h.name === name).length === 1) return name;
  return `#${index}`;
}

export function secretIdOf(config: HostsHolder, path: ConfigPath): string {
  const [head, index, ...rest] = path;
  if (head === 'hosts' && typeof index === 'number') return `host:${hostKeyOf(config, index)}:${rest.join('.')}`;
  return path.join('.');
}

export const pathToString = (path: ConfigPath): string => path.join('.');
