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
}

export const indexedHosts = (config: InstallConfig): IndexedHost[] => config.hosts.map((host, index) => ({ host, index }));

/** How the operator knows a host: its name, or its position when it has none yet. */
export const hostLabel = ({ host, index }: IndexedHost): string => host.name.trim() || `host ${index + 1}`;

export const hostLabels = (hosts: IndexedHost[]): string => hosts.map(hostLabel).join(', ');

export const hostsWithRole = (config: InstallConfig, role: Role): IndexedHost[] =>
  indexedHosts(config).filter(({ host }) => host.roles[role]);

export const isMultiNode = (config: InstallConfig): boolean => config.hosts.length > 1;

export const isAbsolutePath = (path: string): boolean => path.startsWith('/');

export const hostPath = (index: number, field: string): string => `hosts.${index}.${field}`;
