/**
 * An install config for lab hosts (tests and the benchmark): the first three hosts are masters and
 * etcd members, the rest workers; login as the lab user with its password (sudo asks for it), or
 * with the lab key (as the lab user, sudo with its password, or as root). Secrets are filled in, as resolveSecrets would return them.
 * A host may be marked as the taskbox (its address and login stay: the wizard reaches it over SSH).
 */
import { readFileSync } from 'node:fs';
import type { InstallConfig } from '@/lib/config/schema';
import { labPasswordLogin, newLabConfig, type LabHostLogin } from '@/server/lab/lab-hosts-config';
import type { LabHostState, LabState } from '../../../lab/state';

export type LabLoginKind = 'user-password' | 'user-key' | 'root-key';

function login(state: LabState, kind: LabLoginKind): LabHostLogin {
  if (kind === 'user-password') return labPasswordLogin(state.user, state.password);
  const auth = { kind: 'key' as const, privateKey: { set: true as const, value: readFileSync(state.keyPath, 'utf8') }, passphrase: { set: false as const } };
  if (kind === 'root-key') return { user: 'root', auth, becomePassword: { set: false } };
  return { user: state.user, auth, becomePassword: { set: true, value: state.password } };
}

/** `taskbox`: the index of the host marked as the taskbox (none by default). */
export function labConfig(
  state: LabState,
  hosts: readonly LabHostState[],
  kind: LabLoginKind = 'user-password',
  opts: { taskbox?: number } = {},
): InstallConfig {
  const config = newLabConfig(hosts, login(state, kind), 'first-three-masters');
  const taskbox = opts.taskbox === undefined ? undefined : config.hosts[opts.taskbox];
  if (taskbox) taskbox.taskbox = true;
  return config;
}
