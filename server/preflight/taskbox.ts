/**
 * The taskbox as preflight sees it: the one machine the installer bundle is unpacked on and its
 * Ansible runs from, reached by the wizard over SSH: the host marked taskbox (master1 in the docs,
 * `ansible_connection=local` in hosts.ini), or a machine outside the cluster (`installer.machine`
 * external), checked under the name `installer` like a host but with the taskbox's checks only.
 * Pure.
 *
 * `taskboxOf` asks the config's own accessor (`installerMachine`); everything else asks it. An
 * external machine's name is EXTERNAL_INSTALLER_NAME, which no cluster host may then carry
 * (preflight-hosts.ts refuses such a config), so the name tells the machines apart.
 */
import path from 'node:path';
import { EXTERNAL_INSTALLER_NAME, installerMachine, type InstallerMachine } from '@/lib/config/installer-machine';
import type { Host, InstallConfig } from '@/lib/config/schema';
import type { InstallerProfile } from '../installer-profiles/profiles';

export function taskboxOf(config: InstallConfig): InstallerMachine | undefined {
  return installerMachine(config);
}

/** True for the taskbox host, and for the external installer machine as externalInstallerHost gives it. */
export function isTaskbox(host: Pick<Host, 'name'>, config: InstallConfig): boolean {
  return taskboxOf(config)?.name === host.name;
}

/** True for the installer machine outside the cluster (never a cluster host). */
export function isExternalInstaller(host: Pick<Host, 'name'>, config: InstallConfig): boolean {
  const machine = taskboxOf(config);
  return machine !== undefined && !machine.clusterHost && machine.name === host.name;
}

/**
 * The installer machine outside the cluster as a host preflight checks: its login, no internal IP,
 * no role (nothing of the cluster is judged on it). Undefined when the taskbox is a cluster host.
 */
export function externalInstallerHost(config: InstallConfig): Host | undefined {
  const machine = taskboxOf(config);
  if (!machine || machine.clusterHost) return undefined;
  const { name, address, port, user, auth, becomePassword } = machine;
  return { name, address, ip: '', port, user, auth, becomePassword, taskbox: false, roles: { master: false, etcd: false, worker: false } };
}

/**
 * How messages name the taskbox: `the` as a noun phrase ("the taskbox lab1"), `bare` after "on",
 * "of", "from" ("lab1"). The machine outside the cluster is "the installer machine" in both: its
 * name `installer` is the wizard's, not the operator's.
 */
export function taskboxWords(name: string): { the: string; bare: string } {
  return name === EXTERNAL_INSTALLER_NAME ? { the: 'the installer machine', bare: 'the installer machine' } : { the: `the taskbox ${name}`, bare: name };
}

/** Operator words when the wizard cannot log in to the taskbox to check or run the installer there; undefined when it can try. */
export function taskboxLoginProblem(taskbox: Pick<InstallerMachine, 'name' | 'auth'>): string | undefined {
  const set = taskbox.auth.kind === 'password' ? taskbox.auth.password.set : taskbox.auth.privateKey.set;
  if (set) return undefined;
  return `The wizard has no SSH login to ${taskboxWords(taskbox.name).the}: the installer bundle is checked and run there over SSH, so it needs one.`;
}

/** Where the operator enters that login: the Hosts step for the taskbox host, the installer settings for a machine outside the cluster. */
export function taskboxLoginHint(name: string): string {
  return name === EXTERNAL_INSTALLER_NAME
    ? 'Enter the user and a password or private key of the installer machine in the installer settings (wizard step "Network & options", card Installer), then check again.'
    : 'Enter the user and a password or private key of the taskbox in the Hosts step, then check again.';
}

/** Where the bundle is on the taskbox, and how that path came about (for messages). */
export type TaskboxBundlePath = { path: string; from: 'bundlePath' | 'default' } | { problem: 'none' | 'relative'; configured: string };

/**
 * `installer.bundlePath`, else the profile's default. A path on the taskbox must be absolute: a
 * relative one would depend on the directory a stage happens to start in.
 */
export function taskboxBundlePath(config: InstallConfig, profile: InstallerProfile): TaskboxBundlePath {
  const configured = config.installer.bundlePath.trim();
  const chosen = configured || profile.defaultBundlePath;
  if (!chosen) return { problem: 'none', configured };
  if (!path.posix.isAbsolute(chosen)) return { problem: 'relative', configured };
  const normal = path.posix.normalize(chosen);
  return { path: normal.length > 1 ? normal.replace(/\/$/, '') : normal, from: configured ? 'bundlePath' : 'default' };
}
