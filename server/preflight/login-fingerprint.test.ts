import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultHost } from '@/lib/config/defaults';
import type { Host } from '@/lib/config/schema';
import { checkedTargets, loginFingerprint, loginFingerprintKey, sameLogin } from './login-fingerprint';

const key = loginFingerprintKey(randomBytes(32));

function host(overrides: Partial<Host> = {}): Host {
  return defaultHost({
    name: 'master2',
    address: '10.0.0.2',
    ip: '10.0.0.2',
    user: 'ops',
    auth: { kind: 'password', password: { set: true, value: 'hunter2' } },
    becomePassword: { set: true, value: 'sudo-pass' },
    roles: { master: true, etcd: true, worker: false },
    ...overrides,
  });
}

const fp = (h: Host, installId = 'inst1', k = key) => loginFingerprint(installId, h, k);

describe('login fingerprint', () => {
  it('is stable for the same login and holds no secret value', () => {
    const a = fp(host());
    expect(sameLogin(a, fp(host()))).toBe(true);
    expect(a).toMatchObject({ user: 'ops', address: '10.0.0.2', port: 22, auth: 'password' });
    const text = JSON.stringify(a);
    for (const secret of ['hunter2', 'sudo-pass']) expect(text).not.toContain(secret);
    expect(a.secrets).toMatch(/^[A-Za-z0-9_-]{43}$/); // HMAC-SHA256, base64url
  });

  it('changes with every part of the login', () => {
    const a = fp(host());
    const edits: Partial<Host>[] = [
      { user: 'root' },
      { address: '10.0.0.22' },
      { port: 2222 },
      { auth: { kind: 'password', password: { set: true, value: 'hunter3' } } },
      { auth: { kind: 'password', password: { set: false } } },
      { auth: { kind: 'key', privateKey: { set: true, value: 'hunter2' }, passphrase: { set: false } } },
      { becomePassword: { set: true, value: 'other' } },
      { becomePassword: { set: false } },
    ];
    for (const edit of edits) expect(sameLogin(a, fp(host(edit))), JSON.stringify(edit)).toBe(false);

    const withKey = host({ auth: { kind: 'key', privateKey: { set: true, value: 'KEY' }, passphrase: { set: true, value: 'pp' } } });
    const k = fp(withKey);
    expect(sameLogin(k, fp(host({ auth: { kind: 'key', privateKey: { set: true, value: 'KEY2' }, passphrase: { set: true, value: 'pp' } } })))).toBe(false);
    expect(sameLogin(k, fp(host({ auth: { kind: 'key', privateKey: { set: true, value: 'KEY' }, passphrase: { set: false } } })))).toBe(false);
    expect(sameLogin(k, fp(withKey))).toBe(true);
  });

  it('ignores what is not the login (internal IP, roles)', () => {
    expect(sameLogin(fp(host()), fp(host({ ip: '10.9.9.9', roles: { master: false, etcd: false, worker: true } })))).toBe(true);
  });

  it('differs between hosts, installs and secret keys with the same password', () => {
    const a = fp(host());
    expect(fp(host({ name: 'master3' })).secrets).not.toBe(a.secrets);
    expect(fp(host(), 'inst2').secrets).not.toBe(a.secrets);
    expect(fp(host(), 'inst1', loginFingerprintKey(randomBytes(32))).secrets).not.toBe(a.secrets);
  });

  it('refuses a secret that is set but not resolved (a redacted config)', () => {
    expect(() => fp(host({ auth: { kind: 'password', password: { set: true } } }))).toThrow(/master2: the SSH password is set but not resolved/);
  });

  it('checkedTargets records target and login per host', () => {
    const [t] = checkedTargets('inst1', [host()], key);
    expect(t).toMatchObject({ name: 'master2', address: '10.0.0.2', port: 22, ip: '10.0.0.2', roles: { master: true, etcd: true, worker: false } });
    expect(t && sameLogin(t.login, fp(host()))).toBe(true);
  });
});
