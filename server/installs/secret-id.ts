/**
 * Stable ids of secrets in the encrypted store. A host secret is keyed by the host NAME
 * (`host:master2:auth.password`), so reordering hosts keeps their secrets; a host whose name is
 * empty or not unique (possible in a draft) falls back to its index (`host:#3:auth.password`).
 * An internal load balancer's host likewise (`lbhost:lb1:auth.password`). Any other secret is keyed
 * by its dot path (`storage.cephRbd.adminSecret`, `loadBalancer.vrrpPassword`).
 */
import type { ConfigPath } from './find-secret-paths';

type Named = readonly { name?: unknown }[];

interface HostsHolder {
  hosts?: Named;
  loadBalancer?: unknown;
}

function keyIn(hosts: Named, index: number): string {
  const name = hosts[index]?.name;
  if (typeof name === 'string' && name !== '' && hosts.filter((h) => h.name === name).length === 1) return name;
  return `#${index}`;
}

export function hostKeyOf(config: HostsHolder, index: number): string {
  return keyIn(config.hosts ?? [], index);
}

function lbHostsOf(config: HostsHolder): Named {
  const lb = config.loadBalancer;
  if (typeof lb !== 'object' || lb === null || !('hosts' in lb) || !Array.isArray(lb.hosts)) return [];
  return lb.hosts as Named;
}

/**
 * The internal load balancer's hosts are keyed by name too (`lbhost:lb1:auth.password`): reordering
 * them must never hand one machine's password to another.
 */
export function secretIdOf(config: HostsHolder, path: ConfigPath): string {
  const [head, index, ...rest] = path;
  if (head === 'hosts' && typeof index === 'number') return `host:${hostKeyOf(config, index)}:${rest.join('.')}`;
  const [, sub, lbIndex, ...lbRest] = path;
  if (head === 'loadBalancer' && sub === 'hosts' && typeof lbIndex === 'number') return `lbhost:${keyIn(lbHostsOf(config), lbIndex)}:${lbRest.join('.')}`;
  return path.join('.');
}

export const pathToString = (path: ConfigPath): string => path.join('.');
