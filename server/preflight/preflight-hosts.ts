/**
 * The machines a preflight checks: the cluster hosts, then the installer machine when it is outside
 * the cluster (`installer.machine` external), as a host named `installer` with no role and no
 * internal IP, flagged `installerMachine`. Pure.
 *
 * Invariants: the cluster hosts come first and in config order; the installer machine is never a
 * cluster host, so its facts never enter the cluster-wide checks and it gets no Node row; a config
 * where a cluster host is also named `installer` is refused (`installerNameClash`), since host keys,
 * results and login fingerprints are kept by name.
 */
import { EXTERNAL_INSTALLER_NAME } from '@/lib/config/installer-machine';
import type { Host, InstallConfig } from '@/lib/config/schema';
import { externalInstallerHost } from './taskbox';

/** A machine as a preflight checks it: a cluster host, or the external installer machine (flagged). */
export type PreflightHost = Host & { installerMachine?: true };

export function preflightHosts(config: InstallConfig): PreflightHost[] {
  const installer = externalInstallerHost(config);
  return installer ? [...config.hosts, { ...installer, installerMachine: true }] : [...config.hosts];
}

/** Operator words when a cluster host carries the name the external installer machine goes by; undefined when none does. */
export function installerNameClash(config: InstallConfig): string | undefined {
  if (!externalInstallerHost(config) || !config.hosts.some((h) => h.name === EXTERNAL_INSTALLER_NAME)) return undefined;
  return `A host of the cluster is named "${EXTERNAL_INSTALLER_NAME}", the name the wizard gives the installer machine outside the cluster (its checks and host key are kept under it): rename that host in the Hosts step.`;
}
