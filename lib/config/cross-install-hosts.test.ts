import { describe, expect, it } from 'vitest';
import { crossInstallHostIssues, describeOtherInstall, type HostIdentity, type KnownInstallHost } from './cross-install-hosts';

const host = (over: Partial<HostIdentity> = {}): HostIdentity => ({ name: 'node1', address: '10.0.0.5', ip: '10.0.0.5', port: 22, taskbox: false, ...over });
const known = (over: Partial<KnownInstallHost> = {}): KnownInstallHost => ({
  ...host({ name: 'master1' }),
  installId: 'i-prod',
  installName: 'prod',
  installStatus: 'installed',
  lastRunAt: '2026-11-20T09:30:00.000Z',
  ...over,
});

describe('crossInstallHostIssues', () => {
  it('warns at the address of a host that is a node of an installed install, naming it and the date', () => {
    expect(crossInstallHostIssues([host({ address: '10.0.0.9', ip: '10.0.0.9' }), host()], [known()])).toEqual([
      {
        severity: 'warning',
        code: 'host.in-other-install',
        path: 'hosts.1.address',
        step: 'hosts',
        message:
          '10.0.0.5 is also master1 in install "prod" (installed 2026-11-20). Installing here would reset that node; remove it from "prod" first or use another host.',
        other: { installId: 'i-prod', installName: 'prod', installStatus: 'installed', host: 'master1' },
      },
    ]);
  });

  it('one issue per pair: at the address when it matches, else at the internal IP', () => {
    const issues = crossInstallHostIssues([host({ address: 'node1.example.com', ip: '10.0.0.5' })], [known()]);
    expect(issues.map((i) => [i.path, i.message.split(' is also')[0]])).toEqual([['hosts.0.ip', '10.0.0.5']]);
  });

  it('an address equal to the other host`s internal IP, or an IP equal to its SSH address, is the same machine', () => {
    const other = known({ address: '203.0.113.7', ip: '10.0.0.5' });
    expect(crossInstallHostIssues([host({ address: '10.0.0.5', ip: '172.16.0.1' })], [other]).map((i) => i.path)).toEqual(['hosts.0.address']);
    expect(crossInstallHostIssues([host({ address: 'jump', ip: '203.0.113.7' })], [other]).map((i) => i.path)).toEqual(['hosts.0.ip']);
  });

  it('the same SSH address on another port is another machine (one NAT address), unless the IPs match', () => {
    const other = known({ address: 'gw.example.com', port: 2201, ip: '10.1.0.1' });
    expect(crossInstallHostIssues([host({ address: 'gw.example.com', port: 2202, ip: '10.1.0.2' })], [other])).toEqual([]);
    expect(crossInstallHostIssues([host({ address: 'GW.example.com ', port: 2201, ip: '10.1.0.2' })], [other]).map((i) => i.path)).toEqual(['hosts.0.address']);
    expect(crossInstallHostIssues([host({ address: 'gw.example.com', port: 2202, ip: '10.1.0.1' })], [other]).map((i) => i.path)).toEqual(['hosts.0.ip']);
  });

  it('a taskbox is compared by its SSH address too (the wizard logs in to it there)', () => {
    expect(crossInstallHostIssues([host({ taskbox: true, address: '10.0.0.5', ip: '10.0.0.8' })], [known()]).map((i) => i.path)).toEqual(['hosts.0.address']);
    expect(crossInstallHostIssues([host({ address: '10.0.0.5', ip: '10.0.0.8' })], [known({ taskbox: true, ip: '10.0.0.9' })]).map((i) => i.path)).toEqual([
      'hosts.0.address',
    ]);
    expect(crossInstallHostIssues([host({ taskbox: true, address: '', ip: '10.0.0.5' })], [known()]).map((i) => i.path)).toEqual(['hosts.0.ip']);
  });

  it('ignores a same inventory name alone, and empty fields', () => {
    expect(crossInstallHostIssues([host({ name: 'master1', address: '10.0.0.6', ip: '10.0.0.6' })], [known()])).toEqual([]);
    expect(crossInstallHostIssues([host({ address: '', ip: '' })], [known({ address: '', ip: '' })])).toEqual([]);
  });

  it('is a warning while the other install is installing, failed, or ran anything; info while it is only a plan', () => {
    const severity = (over: Partial<KnownInstallHost>) => crossInstallHostIssues([host()], [known(over)])[0]?.severity;
    expect(severity({ installStatus: 'installing' })).toBe('warning');
    expect(severity({ installStatus: 'failed' })).toBe('warning');
    expect(severity({ installStatus: 'ready', lastRunAt: '2026-11-21T00:00:00.000Z' })).toBe('warning');
    expect(severity({ installStatus: 'draft', lastRunAt: null })).toBe('info');
    expect(severity({ installStatus: 'ready', lastRunAt: null })).toBe('info');
    expect(crossInstallHostIssues([host()], [known({ installStatus: 'draft', lastRunAt: null, installName: 'test' })])[0]?.message).toBe(
      '10.0.0.5 is also master1 in install "test" (draft, not installed yet). Only one cluster can own a machine: if both get installed, the second one resets it.',
    );
  });

  it('reports every other install that has the machine', () => {
    const issues = crossInstallHostIssues(
      [host()],
      [known(), known({ installId: 'i-b', installName: 'b', name: 'w7', installStatus: 'draft', lastRunAt: null })],
    );
    expect(issues.map((i) => [i.other.installName, i.other.host, i.severity])).toEqual([
      ['prod', 'master1', 'warning'],
      ['b', 'w7', 'info'],
    ]);
  });

  it('tolerates a half-typed form host', () => {
    expect(crossInstallHostIssues([{ address: '10.0.0.5' }, { ip: '10.0.0.5', port: Number.NaN }, {}], [known()]).map((i) => i.path)).toEqual([
      'hosts.0.address',
      'hosts.1.ip',
    ]);
  });
});

describe('describeOtherInstall', () => {
  it('says what the other install did and when', () => {
    expect(describeOtherInstall({ installStatus: 'installed', lastRunAt: '2026-11-20T23:59:00.000Z' })).toBe('installed 2026-11-20');
    expect(describeOtherInstall({ installStatus: 'installing', lastRunAt: '2026-11-20T23:59:00.000Z' })).toBe('being installed now');
    expect(describeOtherInstall({ installStatus: 'failed', lastRunAt: '2026-11-19T10:00:00.000Z' })).toBe('its install failed 2026-11-19');
    expect(describeOtherInstall({ installStatus: 'ready', lastRunAt: null })).toBe('ready, not installed yet');
  });
});
