/**
 * Test helper: the config of a `lab`-profile install on leased lab hosts (3 masters + etcd, the rest
 * workers), logging in as the lab user with its password and sudo password.
 */
import { defaultConfig, defaultHost } from '@/lib/config/defaults';
import type { InstallConfig } from '@/lib/config/schema';
import type { LabHostState, LabState } from '@/lab/state';

export function labConfig(state: LabState, hosts: LabHostState[]): InstallConfig {
  const config = defaultConfig('lab');
  config.installer = { profile: 'lab', bundlePath: '' };
  const masters = Math.min(3, hosts.length);
  config.hosts = hosts.map((h, i) =>
    defaultHost({
      name: h.name,
      address: h.address,
      ip: h.address,
      port: h.port,
      user: state.user,
      auth: { kind: 'password', password: { set: true, value: state.password } },
      becomePassword: { set: true, value: state.password },
      roles: { master: i < masters, etcd: i < masters, worker: i >= masters || i === hosts.length - 1 },
    }),
  );
  config.loadBalancer = hosts.length > 1 ? { kind: 'external', address: hosts[0]?.address ?? '', port: 6443, domain: 'lb.kubesphere.local' } : { kind: 'none' };
  // Local volume may not be the default class of a multi-host cluster: NFS stands in (never mounted by the lab).
  config.storage.localVolume = { ...config.storage.localVolume, enabled: false, isDefault: false };
  config.storage.nfs = { enabled: true, isDefault: true, server: hosts[0]?.address ?? '127.0.0.1', path: '/srv/nfs' };
  return config;
}

