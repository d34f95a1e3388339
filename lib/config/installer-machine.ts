/**
 * The machine the installer's stages run on, as the wizard logs in to it over SSH: the host marked
 * taskbox (`installer.machine.kind === 'taskbox'`, as the docs do) or a machine outside the cluster
 * (`external`). Pure; it reads the config as given, so secrets are values only where the caller
 * resolved them. Undefined when the config names neither (no taskbox host yet): the rules report
 * that (`hosts.no-taskbox`), this does not guess. With several taskbox hosts (a rule error) the first
 * one is taken.
 */
import type { HostAuth, InstallConfig } from './schema';
import type { Secret } from './secret';

export interface InstallerMachine {
  /** The taskbox host's inventory name, or `installer` for an external machine. */
  name: string;
  address: string;
  port: number;
  user: string;
  auth: HostAuth;
  becomePassword: Secret;
  /** True when it is a host of the cluster (the taskbox, `ansible_connection=local` in hosts.ini). */
  clusterHost: boolean;
}

/** The name an external installer machine goes by (host keys, logs, fingerprints). */
export const EXTERNAL_INSTALLER_NAME = 'installer';

export function installerMachine(config: InstallConfig): InstallerMachine | undefined {
  const machine = config.installer.machine;
  if (machine.kind === 'external') {
    const { address, port, user, auth, becomePassword } = machine;
    return { name: EXTERNAL_INSTALLER_NAME, address, port, user, auth, becomePassword, clusterHost: false };
  }
  const taskbox = config.hosts.find((host) => host.taskbox);
  if (!taskbox) return undefined;
  const { name, address, port, user, auth, becomePassword } = taskbox;
  return { name, address, port, user, auth, becomePassword, clusterHost: true };
}
