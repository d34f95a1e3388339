/**
 * Black-box: the failed-login slow-down over real HTTP, clients told apart by the loopback address
 * they connect from (127.0.0.x). Order matters: each test continues from the previous one's state.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { adminCookie, TEST_ADMIN_PASSWORD } from '../test-support/api-client';
import { useFreshDatabase } from '../test-support/fresh-db';
import { rawRequest, setCookies, type RawResponse } from '../test-support/raw-http';
import { useTestServer } from '../test-support/test-server';
import { DEVICE_COOKIE } from './device-cookie';
import { GLOBAL_LOGIN_BURST } from './login-budget';

useFreshDatabase();
const server = useTestServer();

const login = (from: string, password: string, cookie?: string): Promise<RawResponse> =>
  rawRequest({ url: `${server.url}/api/auth/login`, method: 'POST', from, body: { password }, headers: { origin: server.url, ...(cookie ? { cookie } : {}) } });
const statuses = (responses: RawResponse[]) => responses.map((r) => r.status).sort();
const count = (responses: RawResponse[], status: number) => responses.filter((r) => r.status === status).length;

let adminDevice = '';

beforeAll(async () => {
  await adminCookie(); // creates the admin
});

describe('failed-login slow-down', () => {
  it('a successful login gives the browser a device cookie (httpOnly, only sent to /api/auth)', async () => {
    const ok = await login('127.0.0.3', TEST_ADMIN_PASSWORD);
    expect(ok.status).toBe(200);
    const device = setCookies(ok).get(DEVICE_COOKIE);
    expect(device?.attributes).toMatch(/Path=\/api\/auth; HttpOnly; SameSite=Strict; Max-Age=\d+/);
    adminDevice = `${DEVICE_COOKIE}=${device?.value ?? ''}`;
  });

  it('checks one password at a time per client, counting each attempt before the check', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => login('127.0.0.2', 'wrong-guess')));
    expect(count(answers, 401), statuses(answers).join(',')).toBe(1);
    expect(count(answers, 429)).toBe(29);
    for (const a of answers.filter((r) => r.status === 429)) expect(Number(a.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('throttled attempts count against the guesser, not against the admin behind the same address', async () => {
    const before = (await getDb().loginAttempt.findUnique({ where: { key: 'addr:127.0.0.2' } }))?.failures ?? 0;
    const more = await Promise.all(Array.from({ length: 10 }, () => login('127.0.0.2', 'wrong-guess')));
    expect(count(more, 429)).toBe(10);
    expect((await getDb().loginAttempt.findUnique({ where: { key: 'addr:127.0.0.2' } }))?.failures).toBe(before + 10);
    // the admin's browser, on the same address (NAT, an untrusted proxy), is its own client
    expect((await login('127.0.0.2', TEST_ADMIN_PASSWORD, adminDevice)).status).toBe(200);
    // one guesser does not hold back a first login from elsewhere
    expect((await login('127.0.0.4', TEST_ADMIN_PASSWORD)).status).toBe(200);
  });

  it('a global budget bounds the checks from new clients across all addresses', async () => {
    const addresses = Array.from({ length: 20 }, (_, i) => `127.0.1.${i + 1}`);
    const answers = (
      await Promise.all(addresses.map(async (from) => [await login(from, 'guess-1'), await login(from, 'guess-2'), await login(from, 'guess-3')]))
    ).flat();
    expect(count(answers, 401), statuses(answers).join(',')).toBeLessThanOrEqual(GLOBAL_LOGIN_BURST);
    expect(count(answers, 429)).toBeGreaterThanOrEqual(60 - GLOBAL_LOGIN_BURST);
  });

  it('meanwhile the admin logs in from a browser that has logged in before, from any address', async () => {
    expect((await login('127.0.0.3', TEST_ADMIN_PASSWORD, adminDevice)).status).toBe(200);
    expect((await login('127.0.1.7', TEST_ADMIN_PASSWORD, adminDevice)).status).toBe(200);
    // a forged device cookie is just a new client
    expect((await login('127.0.0.9', TEST_ADMIN_PASSWORD, `${DEVICE_COOKIE}=${'A'.repeat(22)}.${'B'.repeat(43)}`)).status).toBe(429);
  });
});
