/** Small helpers shared by the checks: result builders, sizes, the distro's install command. */
import type { ProfileLeniency } from '@/lib/config/profile-leniency';
import type { Role } from '@/lib/config/schema';
import type { HostFacts } from '../parse/facts';
import type { CheckResult, CheckStatus } from '../types';

export const pass = (message: string, evidence?: string): CheckResult => ({ status: 'pass', message, evidence });
export const warn = (message: string, hint: string, evidence?: string): CheckResult => ({ status: 'warn', message, hint, evidence });
export const fail = (message: string, hint: string, evidence?: string): CheckResult => ({ status: 'fail', message, hint, evidence });

/** A documented minimum fails, unless the installer profile's leniency only warns (the lab stand-ins). */
export function minimumStatus(minimums: ProfileLeniency['resourceMinimums']): CheckStatus {
  return minimums === 'warn' ? 'warn' : 'fail';
}

export const hasRole = (role: Role) => (roles: readonly Role[]) => roles.includes(role);

export function mib(kb: number): string {
  return `${Math.round(kb / 1024)} MB`;
}
export function gib(kb: number): string {
  const g = kb / 1024 / 1024;
  return `${g >= 10 ? Math.round(g) : g.toFixed(1)} GB`;
}

/** Debian/Ubuntu and CentOS/RHEL package names of the tools the installer needs. */
const PACKAGES: Record<string, { apt: string; yum: string }> = {
  sudo: { apt: 'sudo', yum: 'sudo' },
  curl: { apt: 'curl', yum: 'curl' },
  openssl: { apt: 'openssl', yum: 'openssl' },
  socat: { apt: 'socat', yum: 'socat' },
  conntrack: { apt: 'conntrack', yum: 'conntrack-tools' },
  ebtables: { apt: 'ebtables', yum: 'ebtables' },
  ipset: { apt: 'ipset', yum: 'ipset' },
};

export function installCommand(facts: HostFacts, tools: readonly string[]): string {
  const family = facts.packageManager ?? (isRedHatFamily(facts) ? 'yum' : 'apt-get');
  const names = tools.map((t) => (family === 'yum' ? PACKAGES[t]?.yum : PACKAGES[t]?.apt) ?? t);
  return family === 'yum' ? `yum install -y ${names.join(' ')}` : `apt-get update && apt-get install -y ${names.join(' ')}`;
}

export function isRedHatFamily(facts: HostFacts): boolean {
  const os = facts.os;
  if (!os) return false;
  return ['centos', 'rhel', 'fedora', 'rocky', 'almalinux', 'ol'].includes(os.id) || os.idLike.some((l) => l === 'rhel' || l === 'centos' || l === 'fedora');
}

export function section(facts: HostFacts, name: string): string {
  return facts.raw.get(name) ?? '';
}
