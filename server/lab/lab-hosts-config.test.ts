import { describe, expect, it } from 'vitest';
import { installerMachine } from '@/lib/config/installer-machine';
import { collectIssues } from '@/lib/config/rules';
import { labConfigHosts, labHostRoles, labPasswordLogin, newLabConfig, type LabRoleConvention } from './lab-hosts-config';

const hosts = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `lab${i + 1}`, address: `127.0.0.${i + 2}`, port: 2222 + i }));
/** Roles as M (master+etcd), W (worker), MW (both), one letter group per host. */
const roles = (convention: LabRoleConvention, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const r = labHostRoles(convention, i, n);
    expect(r.etcd).toBe(r.master);
    return `${r.master ? 'M' : ''}${r.worker ? 'W' : ''}`;
  }).join(' ');

describe('labHostRoles', () => {
  it('hosts-ini: 3 masters (1 when fewer), the rest workers; masters work when no worker is left', () => {
    expect([1, 2, 3, 4, 5].map((n) => roles('hosts-ini', n))).toEqual(['MW', 'M W', 'MW MW MW', 'M M M W', 'M M M W W']);
  });
  it('first-three-masters: 3 masters, the rest workers; every host works under 3 hosts', () => {
    expect([1, 2, 3, 4].map((n) => roles('first-three-masters', n))).toEqual(['MW', 'MW MW', 'M M M', 'M M M W']);
  });
  it('last-host-works: up to 3 masters, the rest workers; the last host always works', () => {
    expect([1, 2, 3, 4].map((n) => roles('last-host-works', n))).toEqual(['MW', 'M MW', 'M M MW', 'M M M W']);
  });
});

describe('labConfigHosts', () => {
  it('gives every host address = ip, its port and the login, each with its own secrets', () => {
    const out = labConfigHosts(hosts(2), labPasswordLogin('ksw', 'pw'), 'hosts-ini');
    expect(out.map((h) => [h.name, h.address, h.ip, h.port, h.user])).toEqual([
      ['lab1', '127.0.0.2', '127.0.0.2', 2222, 'ksw'],
      ['lab2', '127.0.0.3', '127.0.0.3', 2223, 'ksw'],
    ]);
    expect(out[0]?.auth).toEqual({ kind: 'password', password: { set: true, value: 'pw' } });
    expect(out[0]?.becomePassword).toEqual({ set: true, value: 'pw' });
    expect(out[0]?.auth).not.toBe(out[1]?.auth);
  });
  it('makes lab1 the taskbox, with the same login as every lab host', () => {
    const out = labConfigHosts(hosts(3), labPasswordLogin('ksw', 'pw'), 'hosts-ini');
    expect(out.map((h) => h.taskbox)).toEqual([true, false, false]);
    expect(out[0]).toMatchObject({ address: '127.0.0.2', port: 2222, user: 'ksw', auth: { kind: 'password', password: { set: true, value: 'pw' } } });
  });
  it('newLabConfig: a lab-profile install with no bundle path', () => {
    const config = newLabConfig(hosts(1), labPasswordLogin('ksw', 'pw'), 'last-host-works');
    expect(config.installer).toEqual({ profile: 'lab', bundlePath: '', machine: { kind: 'taskbox' } });
    expect(config.hosts).toHaveLength(1);
    expect(collectIssues(config).filter((i) => i.severity === 'error')).toEqual([]);
    expect(installerMachine(config)).toMatchObject({ name: 'lab1', address: '127.0.0.2', port: 2222, user: 'ksw', clusterHost: true });
  });
});
