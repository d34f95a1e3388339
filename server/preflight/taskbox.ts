/**
 * The taskbox as preflight sees it: the one host the installer bundle is unpacked on and its
 * Ansible runs from (master1 in the docs, `ansible_connection=local` in hosts.ini), reached by the
 * wizard over SSH. Pure.
 *
 * `taskboxOf` asks the config's own accessor (`installerMachine`); everything else asks it. An
 * installer machine outside the cluster is not a host preflight checks yet (see ARCHITECTURE.md).
 */
import path from 'node:path';
import { installerMachine, type InstallerMachine } from '@/lib/config/installer-machine';
import type { Host, InstallConfig } from '@/lib/config/schema';
import type { InstallerProfile } from '../runner/profiles';

export function taskboxOf(config: InstallConfig): InstallerMachine | undefined {
  return installerMachine(config);
}

export function isTaskbox(host: Host, config: InstallConfig): boolean {
  const machine = taskboxOf(config);
  return machine !== undefined && machine.clusterHost && machine.name === host.name;
}

/** Operator words when the wizard cannot log in to the taskbox to check or run the installer there; undefined when it can try. */
export function taskboxLoginProblem(taskbox: Pick<InstallerMachine, 'name' | 'auth'>): string | undefined {
  const set = taskbox.auth.kind === 'password' ? taskbox.auth.password.set : taskbox.auth.privateKey.set;
  if (set) return undefined;
  return `The wizard has no SSH login to the taskbox ${taskbox.name}: the installer bundle is checked and run there over SSH, so it needs one.`;
}

export const TASKBOX_LOGIN_HINT = 'Enter the user and a password or private key of the taskbox in the Hosts step, then check again.';

/** Where the bundle is on the taskbox, and how that path came about (for messages). */
export type TaskboxBundlePath =
  | { path: string; from: 'bundlePath' | 'default' }
  | { problem: 'none' | 'relative'; configured: string };

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
