import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../env';
import { loadSecretKey, resetSecretKeyCache } from './load-secret-key';
import { openSecrets, SecretBoxError, sealSecrets } from './secret-box';

describe('secret box', () => {
  const key = randomBytes(32);
  const secrets = { 'host:master1:auth.password': 'p@ss wörd\n', 'storage.cephRbd.adminSecret': 'AQB==' };

  it('round-trips a map and uses a fresh IV each time', () => {
    const a = sealSecrets(secrets, key, 'inst1');
    const b = sealSecrets(secrets, key, 'inst1');
    expect(a).not.toBe(b);
    expect(a.startsWith('v1:')).toBe(true);
    expect(a).not.toContain('p@ss');
    expect(openSecrets(a, key, 'inst1')).toEqual(secrets);
  });

  it('detects tampering', () => {
    const blob = sealSecrets(secrets, key);
    const raw = Buffer.from(blob.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => openSecrets(`v1:${raw.toString('base64')}`, key)).toThrow(SecretBoxError);
  });

  it('refuses a wrong key or a wrong context', () => {
    const blob = sealSecrets(secrets, key, 'inst1');
    expect(() => openSecrets(blob, randomBytes(32), 'inst1')).toThrow(/wrong key/);
    expect(() => openSecrets(blob, key, 'inst2')).toThrow(SecretBoxError);
  });
});

describe('secret key file', () => {
  it('is generated once with mode 0600 and tightened when too open', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-key-'));
    const env = { ...loadEnv(), dataDir: dir, secretKey: undefined };
    resetSecretKeyCache();
    const k1 = loadSecretKey(env);
    const file = path.join(dir, 'secret.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.chmodSync(file, 0o644);
    resetSecretKeyCache();
    expect(loadSecretKey(env).equals(k1)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    resetSecretKeyCache();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
