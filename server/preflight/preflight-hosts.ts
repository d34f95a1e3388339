/**
 * The machines a preflight checks: the cluster hosts, then the installer machine when it is outside
 * the cluster (`installer.machine` external), as a host named `installer` with no role and no
 * internal IP, flagged `installerMachine`, then the internal load balancer's hosts (no role, their
 * VRRP `ip`), flagged `lbHost`. Pure.
 *
 * Invariants: the cluster hosts come first and in config order; the installer machine and the LB
 * hosts are never cluster hosts, so their facts never enter the cluster-wide checks and they get no
 * Node row; a config
 * where a cluster host is also named `installer` is refused (`installerNameClash`), since host keys,
 * results and login fingerprints are kept by name.
 */
import { EXTERNAL_INSTALLER_NAME } from '@/lib/config/installer-machine';
import type { Host, InstallConfig, LbHost } from '@/lib/config/schema';
import { externalInstallerHost } from './taskbox';

/** A machine as a preflight checks it: a cluster host, the external installer machine or an internal LB host (flagged). */
export type PreflightHost = Host & { installerMachine?: true; lbHost?: true };

/** An internal LB host as a machine to check: its login, its VRRP address as `ip`, no cluster role. */
function lbMachine(h: LbHost): PreflightHost {
  const { vrrpInterface: _unused, ...login } = h;
  return { ...login, taskbox: false, roles: { master: false, etcd: false, worker: false }, lbHost: true };
}

export function preflightHosts(config: InstallConfig): PreflightHost[] {
  const installer = externalInstallerHost(config);
  const lb = config.loadBalancer.kind === 'internal' ? config.loadBalancer.hosts.map(lbMachine) : [];
  return [...config.hosts, ...(installer ? [{ ...installer, installerMachine: true as const }] : []), ...lb];
}

/** Operator words when a cluster host carries the name the external installer machine goes by; undefined when none does. */
export function installerNameClash(config: InstallConfig): string | undefined {
  if (!externalInstallerHost(config) || !config.hosts.some((h) => h.name === EXTERNAL_INSTALLER_NAME)) return undefined;
  return `A host of the cluster is named "${EXTERNAL_INSTALLER_NAME}", the name the wizard gives the installer machine outside the cluster (its checks and host key are kept under it): rename that host in the Hosts step.`;
}
