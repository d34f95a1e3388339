import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultHost } from '@/lib/config/defaults';
import type { Host } from '@/lib/config/schema';
import { checkCoverage } from './coverage';
import { checkedTargets, loginFingerprintKey } from '../preflight/login-fingerprint';
import type { PreflightHost } from '../preflight/preflight-hosts';
import { parseCheckedHosts } from '../preflight/view';

const key = loginFingerprintKey(randomBytes(32));

function hosts(): Host[] {
  return ['master1', 'master2', 'node1'].map((name, i) =>
    defaultHost({
      name,
      address: `10.0.0.${i + 1}`,
      ip: `10.0.0.${i + 1}`,
      auth: { kind: 'password', password: { set: true, value: `pw-${name}` } },
      roles: { master: name.startsWith('master'), etcd: name.startsWith('master'), worker: !name.startsWith('master') },
    }),
  );
}

/** What a run stored and how the gate reads it back. */
const recorded = (hs: Host[]) => parseCheckedHosts(JSON.stringify(checkedTargets('inst1', hs, key)));
const now = (hs: Host[]) => checkedTargets('inst1', hs, key);

function edit(hs: Host[], name: string, change: (h: Host) => void): Host[] {
  const copy = structuredClone(hs);
  const h = copy.find((x) => x.name === name);
  if (!h) throw new Error(name);
  change(h);
  return copy;
}

describe('checkCoverage (install gate: does the last check cover the hosts as they are now?)', () => {
  it('covers the same hosts with the same logins', () => {
    expect(checkCoverage(now(hosts()), recorded(hosts()))).toBeNull();
  });

  it.each<[string, (h: Host) => void]>([
    ['SSH password', (h) => void (h.auth = { kind: 'password', password: { set: true, value: 'new' } })],
    ['auth kind (key)', (h) => void (h.auth = { kind: 'key', privateKey: { set: true, value: 'KEY' }, passphrase: { set: false } })],
    ['sudo password', (h) => void (h.becomePassword = { set: true, value: 'sudo' })],
    ['user', (h) => void (h.user = 'ops')],
  ])('refuses after a change of the %s, naming the host', (_what, change) => {
    const r = checkCoverage(now(edit(hosts(), 'master2', change)), recorded(hosts()));
    expect(r).toEqual({
      code: 'login-changed',
      hosts: ['master2'],
      message: 'The login details of master2 changed after the last host check; run the checks again.',
    });
  });

  it('names every host whose login changed', () => {
    let hs = edit(hosts(), 'master2', (h) => void (h.user = 'ops'));
    hs = edit(hs, 'node1', (h) => void (h.becomePassword = { set: true, value: 'x' }));
    expect(checkCoverage(now(hs), recorded(hosts()))?.message).toBe(
      'The login details of master2, node1 changed after the last host check; run the checks again.',
    );
  });

  it('an address or port change is a changed host (the target moved), not only a changed login', () => {
    const r = checkCoverage(now(edit(hosts(), 'node1', (h) => void (h.port = 2222))), recorded(hosts()));
    expect(r).toMatchObject({ code: 'hosts-changed', hosts: ['node1'] });
  });

  it('a host added, removed or re-roled since the check is a changed host', () => {
    const added = [...hosts(), defaultHost({ name: 'node2', address: '10.0.0.9', ip: '10.0.0.9', roles: { master: false, etcd: false, worker: true } })];
    expect(checkCoverage(now(added), recorded(hosts()))).toMatchObject({ code: 'hosts-changed', hosts: ['node2'] });
    expect(checkCoverage(now(hosts().slice(0, 2)), recorded(hosts()))).toMatchObject({ code: 'hosts-changed', hosts: ['node1'] });
    const reroled = edit(hosts(), 'node1', (h) => void (h.roles.master = true));
    expect(checkCoverage(now(reroled), recorded(hosts()))).toMatchObject({ code: 'hosts-changed', hosts: ['node1'] });
  });

  it('a per-host re-run covers that host only', () => {
    const r = checkCoverage(now(hosts()), recorded(hosts().slice(1, 2)));
    expect(r?.message).toBe('The last check covered master2 only: check all hosts ("Check hosts") before installing.');
  });

  it('an older run that kept targets without logins does not cover: check again, saying why', () => {
    const old = JSON.stringify(now(hosts()).map(({ login: _login, ...target }) => target));
    const r = checkCoverage(now(hosts()), parseCheckedHosts(old));
    expect(r?.code).toBe('login-changed');
    expect(r?.hosts).toEqual(['master1', 'master2', 'node1']);
    expect(r?.message).toMatch(/^The last host check did not record the login details of master1, master2, node1 .*run the checks again\.$/);
  });

  it('an older run that kept names only covers nothing', () => {
    const r = checkCoverage(now(hosts()), parseCheckedHosts(JSON.stringify(['master1', 'master2', 'node1'])));
    expect(r).toMatchObject({ code: 'hosts-changed', hosts: ['master1', 'master2', 'node1'] });
  });

  describe('with an installer machine outside the cluster', () => {
    const installer = (over: Partial<Host> = {}): PreflightHost => ({
      ...defaultHost({
        name: 'installer',
        address: '10.0.0.9',
        ip: '',
        auth: { kind: 'password', password: { set: true, value: 'pw-installer' } },
        roles: { master: false, etcd: false, worker: false },
      }),
      installerMachine: true,
      ...over,
    });
    const all = (over?: Partial<Host>): PreflightHost[] => [...hosts(), installer(over)];

    it('covers it when checked with the same login', () => {
      expect(checkCoverage(now(all()), recorded(all()))).toBeNull();
    });

    it('refuses when its login changed, naming the installer machine', () => {
      const r = checkCoverage(now(all({ becomePassword: { set: true, value: 'sudo' } })), recorded(all()));
      expect(r).toEqual({
        code: 'login-changed',
        hosts: ['installer'],
        message: 'The login details of the installer machine changed after the last host check; run the checks again.',
      });
    });

    it('refuses when it was not checked (a run of the cluster hosts only), or it moved', () => {
      expect(checkCoverage(now(all()), recorded(hosts()))).toEqual({
        code: 'hosts-changed',
        hosts: ['installer'],
        message: 'The last check covered master1, master2, node1 only: check all hosts ("Check hosts") before installing.',
      });
      expect(checkCoverage(now(all({ address: '10.0.0.10' })), recorded(all()))).toMatchObject({
        code: 'hosts-changed',
        hosts: ['installer'],
        message: expect.stringContaining('(the installer machine)'),
      });
    });

    it('a cluster host of the same name is another machine: not covered either way', () => {
      const { installerMachine: _flag, ...clusterHost } = installer();
      expect(checkCoverage(now([...hosts(), clusterHost]), recorded(all()))).toMatchObject({ code: 'hosts-changed', hosts: ['installer'] });
      expect(checkCoverage(now(all()), recorded([...hosts(), clusterHost]))).toMatchObject({ code: 'hosts-changed', hosts: ['installer'] });
    });

    it('an installer machine dropped from the config (the taskbox host runs it again) is a changed host', () => {
      expect(checkCoverage(now(hosts()), recorded(all()))).toMatchObject({
        code: 'hosts-changed',
        hosts: ['installer'],
        message: 'The hosts changed since the last check (the installer machine): check them again before installing.',
      });
    });
  });
});
