import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultHost } from '@/lib/config/defaults';
import type { InstallConfig } from '@/lib/config/schema';
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
    expect(pw(redacted, 1)).toEqual({ set: true });
    // a copy of a missing or cyclic source ends unset
    c.hosts[0].auth = { kind: 'password', password: { set: true, copyFrom: 'hosts.1.auth.password' } };
    const cyclic = mergeSecrets(c, null, {});
    expect(pw(cyclic.redacted, 0)).toEqual({ set: false });
  });

  it('follows a renamed host by index, and hosts moved around by name', () => {
    const before = twoHosts();
    const stored = { 'host:master1:auth.password': 'm1', 'host:node1:auth.password': 'n1' };
    const renamed = twoHosts();
    renamed.hosts[0].name = 'master-a';
    renamed.hosts[0].auth = { kind: 'password', password: { set: true } };
    renamed.hosts.reverse(); // node1 first, master-a second
    renamed.hosts[0].auth = { kind: 'password', password: { set: true } };
    const { secrets } = mergeSecrets(renamed, before, stored);
    // master-a sits where node1 was, but node1 still exists: no fallback, never another host's secret
    expect(secrets).toEqual({ 'host:node1:auth.password': 'n1' });
    // a pure rename at the same index keeps the secret
    const pureRename = twoHosts();
    pureRename.hosts[0].name = 'master-a';
    pureRename.hosts[0].auth = { kind: 'password', password: { set: true } };
    expect(mergeSecrets(pureRename, before, stored).secrets['host:master-a:auth.password']).toBe('m1');
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
