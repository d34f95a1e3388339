/**
 * An install config for lab hosts (tests and the benchmark): the first three hosts are masters and
 * etcd members, the rest workers; login as the lab user with its password (sudo asks for it), or
 * with the lab key (as the lab user, sudo with its password, or as root). Secrets are filled in, as resolveSecrets would return them.
 */
import { readFileSync } from 'node:fs';
import { defaultConfig, defaultHost } from '@/lib/config/defaults';
import type { InstallConfig } from '@/lib/config/schema';
import type { LabHostState, LabState } from '../../../lab/state';

export type LabLoginKind = 'user-password' | 'user-key' | 'root-key';

export function labConfig(state: LabState, hosts: readonly LabHostState[], login: LabLoginKind = 'user-password'): InstallConfig {
  const config = defaultConfig('lab');
  config.installer = { profile: 'lab', bundlePath: '' };
  const key = login === 'user-password' ? '' : readFileSync(state.keyPath, 'utf8');
  const keyAuth = { kind: 'key' as const, privateKey: { set: true, value: key }, passphrase: { set: false } };
  config.hosts = hosts.map((h, i) =>
    defaultHost({
      name: h.name,
      address: h.address,
      ip: h.address,
      port: h.port,
      user: login === 'root-key' ? 'root' : state.user,
      auth: login === 'user-password' ? { kind: 'password', password: { set: true, value: state.password } } : keyAuth,
      becomePassword: login === 'root-key' ? { set: false } : { set: true, value: state.password },
      roles: { master: i < 3, etcd: i < 3, worker: i >= 3 || hosts.length < 3 },
    }),
  );
  return config;
}
