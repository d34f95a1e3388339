/** What the rule modules share: the `Rule` type, issue constructors and host lookups. */
import type { Host, InstallConfig, Role } from '../schema';
import type { ConfigIssue } from '../issues';

/** One concern: returns the issues it finds, never throws. */
export type Rule = (config: InstallConfig) => ConfigIssue[];

export const error = (code: string, path: string, message: string): ConfigIssue => ({ severity: 'error', code, path, message });
export const warning = (code: string, path: string, message: string): ConfigIssue => ({ severity: 'warning', code, path, message });

export interface IndexedHost {
  host: Host;
  index: number;
  /** Another host has the same (non-empty) name: the name alone does not say which host. */
  nameShared?: boolean;
}

export const indexedHosts = (config: InstallConfig): IndexedHost[] =>
  config.hosts.map((host, index) => ({
    host,
    index,
    nameShared: host.name.trim() !== '' && config.hosts.some((other, j) => j !== index && other.name.trim() === host.name.trim()),
  }));

/**
 * How the operator knows a host: its name; its position when it has none yet; both, with its
 * address, when another host has the same name ("host 2 (master1, 10.0.0.2)").
 */
export const hostLabel = ({ host, index, nameShared }: IndexedHost): string => {
  const name = host.name.trim();
  if (!name) return `host ${index + 1}`;
  if (!nameShared) return name;
  const address = host.address.trim() || host.ip.trim();
  return `host ${index + 1} (${name}${address ? `, ${address}` : ''})`;
};

export const hostLabels = (hosts: IndexedHost[]): string => hosts.map(hostLabel).join(', ');

export const hostsWithRole = (config: InstallConfig, role: Role): IndexedHost[] => indexedHosts(config).filter(({ host }) => host.roles[role]);

export const isMultiNode = (config: InstallConfig): boolean => config.hosts.length > 1;

export const isAbsolutePath = (path: string): boolean => path.startsWith('/');

export const hostPath = (index: number, field: string): string => `hosts.${index}.${field}`;
