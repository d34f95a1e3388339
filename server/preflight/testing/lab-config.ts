/**
 * An install config for lab hosts (tests and the benchmark): the first three hosts are masters and
 * etcd members, the rest workers; login as the lab user with its password (sudo asks for it), or
 * as root with the lab key. Secrets are filled in, as resolveSecrets would return them.
 */
import { readFileSync } from 'node:fs';
import { defaultConfig, defaultHost } from '@/lib/config/defaults';
import type { InstallConfig } from '@/lib/config/schema';
import type { LabHostState, LabState } from '../../../lab/state';

export type LabLoginKind = 'user-password' | 'root-key';

export function labConfig(state: LabState, hosts: readonly LabHostState[], login: LabLoginKind = 'user-password'): InstallConfig {
  const config = defaultConfig('lab');
  config.installer = { profile: 'lab', bundlePath: '' };
  const key = login === 'root-key' ? readFileSync(state.keyPath, 'utf8') : '';
  config.hosts = hosts.map((h, i) =>
    defaultHost({
      name: h.name,
      address: h.address,
      ip: h.address,
      port: h.port,
      user: login === 'root-key' ? 'root' : state.user,
      auth:
        login === 'root-key'
          ? { kind: 'key', privateKey: { set: true, value: key }, passphrase: { set: false } }
          : { kind: 'password', password: { set: true, value: state.password } },
      becomePassword: login === 'root-key' ? { set: false } : { set: true, value: state.password },
      roles: { master: i < 3, etcd: i < 3, worker: i >= 3 || hosts.length < 3 },
    }),
  );
  return config;
}
