/**
 * Test fixtures shared by the config, renderer and e2e tests. `seedConfig()` is the HA example of
 * the KubeSphere docs (master-etcd-ha): 3 masters that also run etcd, 3 workers, the taskbox on
 * master1 (the wizard logs in to it with a password, like every host), an external LB at
 * 192.168.0.10:6443 and NFS as the default storage. It passes every rule with no warning. Each call
 * returns a fresh object, so tests may mutate it.
 */
import type { Host, InstallConfig } from './schema';
import { defaultConfig, defaultHost, defaultLbHost } from './defaults';

export const SEED_LB_ADDRESS = '192.168.0.10';
export const SEED_NFS_SERVER = '192.168.0.200';
export const SEED_NFS_PATH = '/mnt/kubesphere';

function seedMaster(n: number): Host {
  const ip = `192.168.0.${n}`;
  return defaultHost({
    name: `master${n}`,
    address: ip,
    ip,
    taskbox: n === 1,
    auth: { kind: 'password', password: { set: true } },
    roles: { master: true, etcd: true, worker: false },
  });
}

function seedWorker(n: number): Host {
  const ip = `192.168.0.${n + 3}`;
  return defaultHost({
    name: `node${n}`,
    address: ip,
    ip,
    auth: { kind: 'password', password: { set: true } },
    roles: { master: false, etcd: false, worker: true },
  });
}

export function seedHosts(): Host[] {
  return [seedMaster(1), seedMaster(2), seedMaster(3), seedWorker(1), seedWorker(2), seedWorker(3)];
}

export function seedConfig(): InstallConfig {
  const config = defaultConfig('kubesphere');
  config.hosts = seedHosts();
  config.loadBalancer = { kind: 'external', address: SEED_LB_ADDRESS, port: 6443, domain: 'lb.kubesphere.local' };
  config.storage.localVolume = { ...config.storage.localVolume, enabled: false, isDefault: false };
  config.storage.nfs = { enabled: true, isDefault: true, server: SEED_NFS_SERVER, path: SEED_NFS_PATH };
  return config;
}

export const SEED_VIP = '192.168.0.10';

/**
 * The seed with keepalived + HAProxy on two dedicated machines (lb1 192.168.0.21, lb2 .22) instead
 * of the external LB, VIP 192.168.0.10/24 on port 6443. Passes every rule with no warning.
 */
export function seedInternalLbConfig(): InstallConfig {
  const config = seedConfig();
  const lbHost = (n: number) =>
    defaultLbHost({ name: `lb${n}`, address: `192.168.0.${20 + n}`, ip: `192.168.0.${20 + n}`, auth: { kind: 'password', password: { set: true } } });
  config.loadBalancer = {
    kind: 'internal',
    hosts: [lbHost(1), lbHost(2)],
    vip: SEED_VIP,
    prefixLength: 24,
    port: 6443,
    domain: 'lb.kubesphere.local',
    virtualRouterId: null,
    vrrpPassword: { set: true },
  };
  return config;
}
