import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultExternalInstallerMachine, defaultHost, defaultInternalLoadBalancer, defaultLbHost } from '@/lib/config/defaults';
import type { ExternalInstallerMachine, InstallConfig } from '@/lib/config/schema';
import { findSecretPaths } from './find-secret-paths';
import { fillSecrets, mergeSecrets } from './merge-secrets';

function twoHosts(): InstallConfig {
  const c = defaultConfig();
  c.hosts = [
    defaultHost({ name: 'master1', address: '10.0.0.1', ip: '10.0.0.1' }),
    defaultHost({ name: 'node1', address: '10.0.0.2', ip: '10.0.0.2', user: 'deploy' }),
  ];
  return c;
}
const pw = (c: InstallConfig, i: number) => {
  const auth = c.hosts[i]?.auth;
  return auth?.kind === 'password' ? auth.password : undefined;
};

describe('secret walker', () => {
  it('finds every secret of the model without a list of fields', () => {
    const paths = findSecretPaths(twoHosts()).map((s) => s.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'hosts.0.auth.password',
        'hosts.1.becomePassword',
        'storage.cephRbd.adminSecret',
        'storage.cephRbd.userSecret',
        'storage.glusterfs.jwtAdminKey',
        'qingcloud.secretAccessKey',
        'options.email.password',
      ]),
    );
    expect(findSecretPaths({ a: { nested: [{ x: { set: true, value: 'v' } }] } })[0]?.path).toEqual(['a', 'nested', 0, 'x']);
  });
});

describe('secret merge rules', () => {
  it('stores new values, keyed by host name, and never leaves a value in the config', () => {
    const c = twoHosts();
    c.hosts[0] = { ...c.hosts[0], auth: { kind: 'password', password: { set: true, value: 'root-pw' } } } as InstallConfig['hosts'][0];
    c.storage.cephRbd.adminSecret = { set: true, value: 'AQBceph' };
    const { redacted, secrets } = mergeSecrets(c, null, {});
    expect(secrets).toEqual({ 'host:master1:auth.password': 'root-pw', 'storage.cephRbd.adminSecret': 'AQBceph' });
    expect(pw(redacted, 0)).toEqual({ set: true });
    expect(JSON.stringify(redacted)).not.toMatch(/root-pw|AQBceph/);
    expect(pw(c, 0)).toEqual({ set: true, value: 'root-pw' }); // input untouched
  });

  it('keeps, replaces and clears', () => {
    const stored = { 'host:master1:auth.password': 'old', 'host:node1:becomePassword': 'sudo-old', 'options.email.password': 'mail' };
    const c = twoHosts();
    c.hosts[0].auth = { kind: 'password', password: { set: true } };
    c.hosts[1].becomePassword = { set: true, value: 'sudo-new' };
    c.options.email.password = { set: false };
    const { redacted, secrets } = mergeSecrets(c, twoHosts(), stored);
    expect(secrets).toEqual({ 'host:master1:auth.password': 'old', 'host:node1:becomePassword': 'sudo-new' });
    expect(redacted.options.email.password).toEqual({ set: false });
  });

  it('turns {set:true} with nothing stored into {set:false}', () => {
    const c = twoHosts();
    c.hosts[0].auth = { kind: 'password', password: { set: true } };
    const { redacted, secrets } = mergeSecrets(c, null, {});
    expect(pw(redacted, 0)).toEqual({ set: false });
    expect(secrets).toEqual({});
  });

  it('copies another secret, new or stored', () => {
    const c = twoHosts();
    c.hosts[0].auth = { kind: 'password', password: { set: true } };
    c.hosts[1].auth = { kind: 'password', password: { set: true, copyFrom: 'hosts.0.auth.password' } };
    c.hosts[1].becomePassword = { set: true, copyFrom: 'hosts.1.auth.password' };
    const stored = { 'host:master1:auth.password': 'shared' };
    const { redacted, secrets } = mergeSecrets(c, twoHosts(), stored);
    expect(secrets['host:node1:auth.password']).toBe('shared');
    expect(secrets['host:node1:becomePassword']).toBe('shared');
    // a stored value entered for master1's endpoint: node1 holds it until the operator confirms it there
    expect(pw(redacted, 1)).toEqual({ set: true, enteredFor: '10.0.0.1:22' });
    // a copy of a missing or cyclic source ends unset
    c.hosts[0].auth = { kind: 'password', password: { set: true, copyFrom: 'hosts.1.auth.password' } };
    const cyclic = mergeSecrets(c, null, {});
    expect(pw(cyclic.redacted, 0)).toEqual({ set: false });
  });

  it('follows a renamed host by index, hosts moved around by name, and refuses to guess', () => {
    const before = twoHosts();
    const stored = { 'host:master1:auth.password': 'm1', 'host:node1:auth.password': 'n1' };
    const renamed = twoHosts();
    renamed.hosts[0].name = 'master-a';
    renamed.hosts[0].auth = { kind: 'password', password: { set: true } };
    renamed.hosts.reverse(); // node1 first, master-a second
    renamed.hosts[0].auth = { kind: 'password', password: { set: true } };
    const merged = mergeSecrets(renamed, before, stored);
    // master-a sits where node1 was, but node1 still exists: never another host's secret, and
    // never a silent drop of the one it asked to keep
    expect(merged.secrets).toEqual({ 'host:node1:auth.password': 'n1' });
    expect(merged.unmatched).toEqual([
      { path: 'hosts.1.auth.password', message: expect.stringContaining('cannot tell which stored SSH password master-a (host 2) keeps') as unknown },
    ]);
    // a pure rename at the same index keeps the secret
    const pureRename = twoHosts();
    pureRename.hosts[0].name = 'master-a';
    pureRename.hosts[0].auth = { kind: 'password', password: { set: true } };
    const kept = mergeSecrets(pureRename, before, stored);
    expect(kept.secrets['host:master-a:auth.password']).toBe('m1');
    expect(kept.unmatched).toEqual([]);
  });

  it('two hosts with one name, then one renamed: both keep their own stored passwords', () => {
    const dup = twoHosts();
    dup.hosts[1].name = 'master1';
    dup.hosts[0].auth = { kind: 'password', password: { set: true, value: 'first' } };
    dup.hosts[1].auth = { kind: 'password', password: { set: true, value: 'second' } };
    const saved = mergeSecrets(dup, twoHosts(), {});
    expect(Object.values(saved.secrets).sort()).toEqual(['first', 'second']);
    // the page reloads (markers only), then the operator renames the second host
    const renamed = structuredClone(saved.redacted);
    renamed.hosts[1].name = 'node1';
    expect(pw(renamed, 0)).toEqual({ set: true });
    const again = mergeSecrets(renamed, saved.redacted, saved.secrets);
    expect(again.secrets).toMatchObject({ 'host:master1:auth.password': 'first', 'host:node1:auth.password': 'second' });
    expect(again.unmatched).toEqual([]);
    expect(pw(again.redacted, 0)).toEqual({ set: true });
    expect(pw(again.redacted, 1)).toEqual({ set: true });
    // or renames the first one
    const first = structuredClone(saved.redacted);
    first.hosts[0].name = 'master0';
    expect(mergeSecrets(first, saved.redacted, saved.secrets).secrets).toMatchObject({
      'host:master0:auth.password': 'first',
      'host:master1:auth.password': 'second',
    });
  });

  it('refuses, at the field, a kept secret of a host it cannot place (one of two same-named hosts removed)', () => {
    const three = twoHosts();
    three.hosts.push({ ...structuredClone(three.hosts[1]), address: '10.0.0.3', ip: '10.0.0.3' });
    three.hosts.forEach((h, i) => (h.auth = { kind: 'password', password: { set: true, value: `pw${i}` } }));
    const saved = mergeSecrets(three, twoHosts(), {});
    const removed = structuredClone(saved.redacted);
    removed.hosts.splice(1, 1); // which node1 went? positions no longer tell
    const merged = mergeSecrets(removed, saved.redacted, saved.secrets);
    expect(merged.secrets['host:master1:auth.password']).toBe('pw0');
    expect(merged.unmatched.map((u) => u.path)).toEqual(['hosts.1.auth.password']);
    // entering it again is accepted
    removed.hosts[1].auth = { kind: 'password', password: { set: true, value: 'pw2' } };
    expect(mergeSecrets(removed, saved.redacted, saved.secrets).unmatched).toEqual([]);
  });

  it('fills values back for a run', () => {
    const c = twoHosts();
    c.hosts[1].becomePassword = { set: true, value: 'sudo' };
    const { redacted, secrets } = mergeSecrets(c, null, {});
    const filled = fillSecrets(redacted, secrets);
    expect(filled.hosts[1]?.becomePassword).toEqual({ set: true, value: 'sudo' });
    expect(filled.hosts[0]?.becomePassword).toEqual({ set: false });
  });
});

describe('secrets of an installer machine outside the cluster', () => {
  const external = (machine: Partial<ExternalInstallerMachine> = {}): InstallConfig => {
    const c = twoHosts();
    c.installer.machine = { ...defaultExternalInstallerMachine(), address: '10.0.0.100', ...machine };
    return c;
  };
  const machineOf = (c: InstallConfig): ExternalInstallerMachine => {
    if (c.installer.machine.kind !== 'external') throw new Error('expected an external installer machine');
    return c.installer.machine;
  };

  it('are found like host secrets: password or key + passphrase, and the sudo password', () => {
    const paths = (c: InstallConfig) =>
      findSecretPaths(c)
        .map((s) => s.path.join('.'))
        .filter((p) => p.startsWith('installer'));
    expect(paths(external())).toEqual(['installer.machine.auth.password', 'installer.machine.becomePassword']);
    expect(paths(external({ auth: { kind: 'key', privateKey: { set: false }, passphrase: { set: false } } }))).toEqual([
      'installer.machine.auth.privateKey',
      'installer.machine.auth.passphrase',
      'installer.machine.becomePassword',
    ]);
  });

  it('are stored encrypted-side only, kept, replaced, cleared, copied and filled back for a run', () => {
    const first = external({
      user: 'deploy',
      auth: { kind: 'key', privateKey: { set: true, value: '-----BEGIN KEY-----\nabc\n-----END KEY-----' }, passphrase: { set: true, value: 'pp' } },
      becomePassword: { set: true, value: 'sudo-1' },
    });
    const saved = mergeSecrets(first, null, {});
    expect(saved.secrets).toEqual({
      'installer.machine.auth.privateKey': '-----BEGIN KEY-----\nabc\n-----END KEY-----',
      'installer.machine.auth.passphrase': 'pp',
      'installer.machine.becomePassword': 'sudo-1',
    });
    expect(JSON.stringify(saved.redacted)).not.toMatch(/"value"|BEGIN KEY|sudo-1/);
    expect(machineOf(saved.redacted).auth).toEqual({ kind: 'key', privateKey: { set: true }, passphrase: { set: true } });

    // keep the key, clear the passphrase, replace the sudo password
    const next = external({
      user: 'deploy',
      auth: { kind: 'key', privateKey: { set: true }, passphrase: { set: false } },
      becomePassword: { set: true, value: 'sudo-2' },
    });
    const again = mergeSecrets(next, saved.redacted, saved.secrets);
    expect(again.secrets).toEqual({
      'installer.machine.auth.privateKey': '-----BEGIN KEY-----\nabc\n-----END KEY-----',
      'installer.machine.becomePassword': 'sudo-2',
    });

    // "same as master1": a copy of a host's stored password
    const copied = external({ auth: { kind: 'password', password: { set: true, copyFrom: 'hosts.0.auth.password' } } });
    copied.hosts[0].auth = { kind: 'password', password: { set: true } };
    const third = mergeSecrets(copied, again.redacted, { ...again.secrets, 'host:master1:auth.password': 'm1' });
    expect(third.secrets['installer.machine.auth.password']).toBe('m1');
    // entered for master1's endpoint: held back from the machine until confirmed for its endpoint
    expect(machineOf(fillSecrets(third.redacted, third.secrets, third.endpoints)).auth).toEqual({
      kind: 'password',
      password: { set: true, enteredFor: `${copied.hosts[0]?.address}:22` },
    });
    const at = `${machineOf(copied).address}:${machineOf(copied).port}`;
    const confirmed = mergeSecrets(
      external({ auth: { kind: 'password', password: { set: true, useFor: at } } }),
      third.redacted,
      { ...third.secrets },
      third.endpoints,
    );
    expect(machineOf(fillSecrets(confirmed.redacted, confirmed.secrets, confirmed.endpoints)).auth).toEqual({
      kind: 'password',
      password: { set: true, value: 'm1' },
    });

    // back to the taskbox: the machine's secrets are gone from the store
    const onTaskbox = twoHosts();
    onTaskbox.hosts[0].auth = { kind: 'password', password: { set: true } };
    expect(Object.keys(mergeSecrets(onTaskbox, third.redacted, third.secrets).secrets)).toEqual(['host:master1:auth.password']);
  });
});

describe('login secrets bound to the endpoint they were entered for', () => {
  const withPassword = (value?: string): InstallConfig => {
    const c = twoHosts();
    c.hosts[0].auth = { kind: 'password', password: value ? { set: true, value } : { set: true } };
    c.hosts[0].becomePassword = value ? { set: true, value: `sudo-${value}` } : { set: true };
    return c;
  };
  const first = mergeSecrets(withPassword('pw1'), null, {});
  const filledHost = (m: ReturnType<typeof mergeSecrets<InstallConfig>>) => fillSecrets(m.redacted, m.secrets, m.endpoints).hosts[0];

  it("binds a typed value to its host's endpoint; a rename at the same address keeps it usable", () => {
    expect(first.endpoints).toEqual({ 'host:master1:auth.password': '10.0.0.1:22', 'host:master1:becomePassword': '10.0.0.1:22' });
    const renamed = withPassword();
    renamed.hosts[0].name = 'master9';
    const m = mergeSecrets(renamed, first.redacted, first.secrets, first.endpoints);
    expect(filledHost(m)?.auth).toEqual({ kind: 'password', password: { set: true, value: 'pw1' } });
  });

  it('holds a kept value whose host moved to another address or port, through later saves, until confirmed for the new endpoint or re-entered', () => {
    const moved = withPassword();
    Object.assign(moved.hosts[0], { name: 'node9', port: 2222 });
    const held = mergeSecrets(moved, first.redacted, first.secrets, first.endpoints);
    expect(held.secrets['host:node9:auth.password']).toBe('pw1');
    expect(held.redacted.hosts[0]?.auth).toEqual({ kind: 'password', password: { set: true, enteredFor: '10.0.0.1:22' } });
    expect(filledHost(held)?.auth).toEqual({ kind: 'password', password: { set: true, enteredFor: '10.0.0.1:22' } });
    expect(filledHost(held)?.becomePassword).toEqual({ set: true, enteredFor: '10.0.0.1:22' });

    // a client echoing the marker, or confirming another endpoint, does not release it
    const echoed = structuredClone(held.redacted);
    echoed.hosts[0].becomePassword = { set: true, useFor: '10.0.0.1:22' };
    const still = mergeSecrets(echoed, held.redacted, held.secrets, held.endpoints);
    expect(filledHost(still)?.auth).toEqual({ kind: 'password', password: { set: true, enteredFor: '10.0.0.1:22' } });
    expect(filledHost(still)?.becomePassword).toEqual({ set: true, enteredFor: '10.0.0.1:22' });

    const confirm = structuredClone(still.redacted);
    confirm.hosts[0].auth = { kind: 'password', password: { set: true, useFor: '10.0.0.1:2222' } };
    confirm.hosts[0].becomePassword = { set: true, value: 'sudo-new' };
    const ok = mergeSecrets(confirm, still.redacted, still.secrets, still.endpoints);
    expect(filledHost(ok)?.auth).toEqual({ kind: 'password', password: { set: true, value: 'pw1' } });
    expect(filledHost(ok)?.becomePassword).toEqual({ set: true, value: 'sudo-new' });
    expect(JSON.stringify(ok.redacted)).not.toMatch(/useFor|enteredFor|pw1|sudo-new/);
  });

  it('a copy of a value typed in the same save is bound to the copying host; a copy of a stored one is held', () => {
    const c = withPassword('typed');
    c.hosts[1].auth = { kind: 'password', password: { set: true, copyFrom: 'hosts.0.auth.password' } };
    const typed = mergeSecrets(c, null, {});
    expect(fillSecrets(typed.redacted, typed.secrets, typed.endpoints).hosts[1]?.auth).toEqual({ kind: 'password', password: { set: true, value: 'typed' } });

    const later = withPassword();
    later.hosts[1].auth = { kind: 'password', password: { set: true, copyFrom: 'hosts.0.auth.password' } };
    const copied = mergeSecrets(later, first.redacted, first.secrets, first.endpoints);
    expect(fillSecrets(copied.redacted, copied.secrets, copied.endpoints).hosts[1]?.auth).toEqual({
      kind: 'password',
      password: { set: true, enteredFor: '10.0.0.1:22' },
    });
  });

  it('a store written before bindings existed: values are bound to where their host pointed when kept', () => {
    const moved = withPassword();
    moved.hosts[0].address = '10.0.0.99';
    const m = mergeSecrets(moved, first.redacted, first.secrets);
    expect(m.redacted.hosts[0]?.auth).toEqual({ kind: 'password', password: { set: true, enteredFor: '10.0.0.1:22' } });
    expect(fillSecrets(first.redacted, first.secrets).hosts[0]?.auth).toEqual({ kind: 'password', password: { set: true, value: 'pw1' } });
  });
});

describe('secrets of the internal load balancer', () => {
  const withLb = (hosts: [string, string][], vrrp: { set: boolean; value?: string }): InstallConfig => {
    const c = twoHosts();
    c.loadBalancer = {
      ...defaultInternalLoadBalancer(),
      hosts: hosts.map(([name, password]) =>
        defaultLbHost({ name, auth: { kind: 'password', password: password === '' ? { set: true } : { set: true, value: password } } }),
      ),
      vrrpPassword: vrrp,
    };
    return c;
  };

  it('keys LB host secrets by name, so reordering the LB hosts never swaps their passwords', () => {
    const saved = mergeSecrets(
      withLb(
        [
          ['lb1', 'pw-one'],
          ['lb2', 'pw-two'],
        ],
        { set: true, value: 'vrrp-pw' },
      ),
      null,
      {},
    );
    expect(saved.secrets).toMatchObject({ 'lbhost:lb1:auth.password': 'pw-one', 'lbhost:lb2:auth.password': 'pw-two', 'loadBalancer.vrrpPassword': 'vrrp-pw' });
    expect(JSON.stringify(saved.redacted)).not.toMatch(/pw-one|pw-two|vrrp-pw/);

    const reordered = mergeSecrets(
      withLb(
        [
          ['lb2', ''],
          ['lb1', ''],
        ],
        { set: true },
      ),
      saved.redacted,
      saved.secrets,
    );
    expect(reordered.unmatched).toEqual([]);
    const filled = fillSecrets(reordered.redacted, reordered.secrets);
    if (filled.loadBalancer.kind !== 'internal') throw new Error('internal');
    expect(filled.loadBalancer.hosts.map((h) => (h.auth.kind === 'password' ? h.auth.password.value : undefined))).toEqual(['pw-two', 'pw-one']);
    expect(filled.loadBalancer.vrrpPassword).toEqual({ set: true, value: 'vrrp-pw' });
  });

  it('holds a kept LB host password once that host points at another address, until confirmed there', () => {
    const saved = mergeSecrets(
      withLb(
        [
          ['lb1', 'pw-one'],
          ['lb2', 'pw-two'],
        ],
        { set: true, value: 'vrrp-pw' },
      ),
      null,
      {},
    );
    const moved = withLb(
      [
        ['lb1', ''],
        ['lb2', ''],
      ],
      { set: true },
    );
    if (moved.loadBalancer.kind !== 'internal') throw new Error('internal');
    moved.loadBalancer.hosts[1].address = '10.9.9.9';
    const held = mergeSecrets(moved, saved.redacted, saved.secrets, saved.endpoints);
    const lbAuth = (m: typeof held, i: number) => {
      const lb = fillSecrets(m.redacted, m.secrets, m.endpoints).loadBalancer;
      return lb.kind === 'internal' ? lb.hosts[i]?.auth : undefined;
    };
    expect(lbAuth(held, 0)).toEqual({ kind: 'password', password: { set: true, value: 'pw-one' } });
    expect(lbAuth(held, 1)).toMatchObject({ kind: 'password', password: { set: true, enteredFor: expect.stringMatching(/:22$/) } });
    const confirm = structuredClone(held.redacted);
    if (confirm.loadBalancer.kind !== 'internal') throw new Error('internal');
    confirm.loadBalancer.hosts[1].auth = { kind: 'password', password: { set: true, useFor: '10.9.9.9:22' } };
    const ok = mergeSecrets(confirm, held.redacted, held.secrets, held.endpoints);
    expect(lbAuth(ok, 1)).toEqual({ kind: 'password', password: { set: true, value: 'pw-two' } });
  });

  it('refuses to keep the password of a renamed LB host rather than guess', () => {
    const saved = mergeSecrets(
      withLb(
        [
          ['lb1', 'pw-one'],
          ['lb2', 'pw-two'],
        ],
        { set: true, value: 'vrrp-pw' },
      ),
      null,
      {},
    );
    const renamed = mergeSecrets(
      withLb(
        [
          ['lb1', ''],
          ['lb9', ''],
        ],
        { set: true },
      ),
      saved.redacted,
      saved.secrets,
    );
    expect(renamed.unmatched.map((u) => u.path)).toEqual(['loadBalancer.hosts.1.auth.password']);
  });
});
