import { describe, expect, it } from 'vitest';
import { defaultHost } from './defaults';
import { seedConfig } from './fixtures';
import { clusterConfigSchema, validateClusterConfig } from './cluster-validate';
import type { ClusterMember } from './rules/cluster-members';
import type { InstallConfig, Role } from './schema';

const membersOf = (config: InstallConfig): ClusterMember[] =>
  config.hosts.map((h) => ({ name: h.name, address: h.address, ip: h.ip, roles: (['master', 'etcd', 'worker'] as Role[]).filter((r) => h.roles[r]) }));

describe('the cluster config verdict (form and API share it)', () => {
  it('puts a renamed node, a moved node and a new master at their fields, in the schema and in the live list', () => {
    const config = seedConfig();
    const members = membersOf(config);
    config.hosts[3] = { ...config.hosts[3], name: 'renamed' } as (typeof config.hosts)[number];
    config.hosts[4] = { ...config.hosts[4], address: '10.9.9.9' } as (typeof config.hosts)[number];
    config.hosts.push(defaultHost({ name: 'node9', address: '192.168.0.99', ip: '192.168.0.99', roles: { master: true, etcd: false, worker: true } }));
    const parsed = clusterConfigSchema(members).safeParse(config);
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['hosts.3.name', 'hosts.4.address', `hosts.${config.hosts.length - 1}.roles`]));
    const live = validateClusterConfig(config, members).errors.filter((e) => e.code.startsWith('cluster.'));
    expect(live.map((e) => [e.code, e.step])).toEqual([
      ['cluster.renamed', 'hosts'],
      ['cluster.address-changed', 'hosts'],
      ['cluster.add-not-worker', 'roles'],
    ]);
  });

  it('is the plain verdict before the cluster exists, and a new worker is fine after', () => {
    const config = seedConfig();
    expect(clusterConfigSchema([]).safeParse(config).success).toBe(true);
    const members = membersOf(config);
    config.hosts.push(defaultHost({ name: 'node9', address: '192.168.0.99', ip: '192.168.0.99', roles: { master: false, etcd: false, worker: true } }));
    expect(validateClusterConfig(config, members).errors.filter((e) => e.code.startsWith('cluster.'))).toEqual([]);
    const parsed = clusterConfigSchema(members).safeParse(config);
    const codes = parsed.success ? [] : parsed.error.issues.map((i) => (i as { params?: { code?: string } }).params?.code ?? '');
    expect(codes.filter((c) => c.startsWith('cluster.'))).toEqual([]);
  });
});
