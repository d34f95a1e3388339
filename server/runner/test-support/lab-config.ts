/**
 * Test helper: the config of a `lab`-profile install on leased lab hosts (3 masters + etcd, the rest
 * workers, the last host always a worker), logging in as the lab user with its password and sudo password.
 */
import type { InstallConfig } from '@/lib/config/schema';
import type { LabHostState, LabState } from '@/lab/state';
import { labPasswordLogin, newLabConfig } from '@/server/lab/lab-hosts-config';

export function labConfig(state: LabState, hosts: LabHostState[]): InstallConfig {
  const config = newLabConfig(hosts, labPasswordLogin(state.user, state.password), 'last-host-works');
  config.loadBalancer = hosts.length > 1 ? { kind: 'external', address: hosts[0]?.address ?? '', port: 6443, domain: 'lb.kubesphere.local' } : { kind: 'none' };
  // Local volume may not be the default class of a multi-host cluster: NFS stands in (never mounted by the lab).
  config.storage.localVolume = { ...config.storage.localVolume, enabled: false, isDefault: false };
  config.storage.nfs = { enabled: true, isDefault: true, server: hosts[0]?.address ?? '127.0.0.1', path: '/srv/nfs' };
  return config;
}
