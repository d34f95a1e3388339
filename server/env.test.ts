import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env';

const made: string[] = [];
const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-env-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadEnv', () => {
  it('applies safe defaults and creates the data dir 0700', () => {
    const dir = path.join(tmp(), 'nested', 'data');
    const env = loadEnv({ KSW_DATA_DIR: dir });
    expect(env).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: dir, databaseUrl: `file:${dir}/ks-wizard.db` });
    expect(env.secretKey).toBeUndefined();
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('accepts a key as 64 hex chars or base64', () => {
    const dir = tmp();
    expect(loadEnv({ KSW_DATA_DIR: dir, KSW_SECRET_KEY: 'ab'.repeat(32) }).secretKey?.length).toBe(32);
    expect(loadEnv({ KSW_DATA_DIR: dir, KSW_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).secretKey?.length).toBe(32);
  });

  it('lists every problem at once, naming the variable, without echoing secrets', () => {
    let caught: unknown;
    try {
      loadEnv({ KSW_DATA_DIR: tmp(), PORT: 'eighty', KSW_SECRET_KEY: 'too-short-key', KSW_ADMIN_PASSWORD: 'short', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const e = caught as EnvError;
    expect(e.problems).toHaveLength(4);
    expect(e.message).toMatch(/PORT/);
    expect(e.message).toMatch(/KSW_SECRET_KEY must be 32 bytes written as 64 hex characters or as base64/);
    expect(e.message).toMatch(/KSW_ADMIN_PASSWORD must be at least 8 characters/);
    expect(e.message).toMatch(/DATABASE_URL/);
    expect(e.message).not.toContain('too-short-key');
  });

  it('reads KSW_TRUSTED_PROXIES as IP addresses, and names the variable for anything else', () => {
    const dir = tmp();
    expect(loadEnv({ KSW_DATA_DIR: dir }).trustedProxies).toEqual([]);
    expect(loadEnv({ KSW_DATA_DIR: dir, KSW_TRUSTED_PROXIES: '127.0.0.1, ::ffff:10.0.0.2,::1' }).trustedProxies).toEqual(['127.0.0.1', '10.0.0.2', '::1']);
    expect(() => loadEnv({ KSW_DATA_DIR: dir, KSW_TRUSTED_PROXIES: '127.0.0.1,proxy.lan' })).toThrow(
      /KSW_TRUSTED_PROXIES must be IP addresses separated by commas/,
    );
  });

  it('reads KSW_PUBLIC_URL as origins, and names the variable for anything else', () => {
    const dir = tmp();
    expect(loadEnv({ KSW_DATA_DIR: dir }).publicUrls).toEqual([]);
    expect(loadEnv({ KSW_DATA_DIR: dir, KSW_PUBLIC_URL: 'https://Wizard.Example.com/, http://10.0.0.5:8080' }).publicUrls).toEqual([
      'https://wizard.example.com',
      'http://10.0.0.5:8080',
    ]);
    for (const bad of ['wizard.example.com', 'https://wizard.example.com/app', 'ftp://x', 'https://user:pw@x']) {
      expect(() => loadEnv({ KSW_DATA_DIR: dir, KSW_PUBLIC_URL: bad }), bad).toThrow(/KSW_PUBLIC_URL must be the URL/);
    }
  });

  it('refuses a KSW_ADMIN_PASSWORD longer than 1024 characters', () => {
    expect(() => loadEnv({ KSW_DATA_DIR: tmp(), KSW_ADMIN_PASSWORD: 'p'.repeat(1025) })).toThrow(/at most 1024/);
  });
});
