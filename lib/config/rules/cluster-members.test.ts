import { describe, expect, it } from 'vitest';
import { defaultHost } from '../defaults';
import { seedConfig } from '../fixtures';
import type { InstallConfig, Role } from '../schema';
import { clusterMemberIssues, type ClusterMember } from './cluster-members';

function membersOf(config: InstallConfig): ClusterMember[] {
  return config.hosts.map((h) => ({ name: h.name, address: h.address, ip: h.ip, roles: (['master', 'etcd', 'worker'] as Role[]).filter((r) => h.roles[r]) }));
}
const codes = (config: InstallConfig, members: ClusterMember[]) => clusterMemberIssues(config, members).map((i) => `${i.code}@${i.path}`);

describe('clusterMemberIssues', () => {
  it('has nothing to say before the cluster exists or when nothing changed', () => {
    const config = seedConfig();
    expect(clusterMemberIssues(config, [])).toEqual([]);
    expect(clusterMemberIssues(config, membersOf(config))).toEqual([]);
  });

  it('refuses a renamed node at its name field, a moved one at its address, a changed role at its roles', () => {
    const config = seedConfig();
    const members = membersOf(config);
    config.hosts[3] = { ...config.hosts[3], name: 'renamed' } as (typeof config.hosts)[number];
    config.hosts[4] = { ...config.hosts[4], address: '10.9.9.9' } as (typeof config.hosts)[number];
    config.hosts[5] = { ...config.hosts[5], roles: { master: false, etcd: true, worker: true } } as (typeof config.hosts)[number];
    expect(codes(config, members)).toEqual(['cluster.renamed@hosts.3.name', 'cluster.address-changed@hosts.4.address', 'cluster.roles-changed@hosts.5.roles']);
  });

  it('refuses a deleted node line (it leaves through Remove) and a new host that is not only a worker', () => {
    const config = seedConfig();
    const members = membersOf(config);
    config.hosts.splice(5, 1);
    config.hosts.push(defaultHost({ name: 'node9', address: '192.168.0.99', ip: '192.168.0.99', roles: { master: true, etcd: false, worker: true } }));
    expect(codes(config, members)).toEqual(['cluster.member-missing@hosts', 'cluster.add-not-worker@hosts.5.roles']);
  });

  it('refuses to grow an all-in-one cluster with Local Volume', () => {
    const config = seedConfig();
    config.hosts = [{ ...config.hosts[0], roles: { master: true, etcd: true, worker: true } } as (typeof config.hosts)[number]];
    config.storage.localVolume.enabled = true;
    const members = membersOf(config);
    config.hosts.push(defaultHost({ name: 'node9', address: '192.168.0.99', ip: '192.168.0.99', roles: { master: false, etcd: false, worker: true } }));
    expect(codes(config, members)).toEqual(['cluster.all-in-one-grow@hosts.1.name']);
    config.storage.localVolume.enabled = false;
    expect(codes(config, members)).toEqual([]);
  });
});
