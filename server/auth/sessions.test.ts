/**
 * Black-box: session lifetime, "log out everywhere" and the Secure flag over real HTTP against a
 * started server whose trusted proxy is 127.0.0.9 (the test connects from there to act as it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { adminCookie, TEST_ADMIN_PASSWORD } from '../test-support/api-client';
import { useFreshDatabase } from '../test-support/fresh-db';
import { rawRequest, setCookies, type RawResponse } from '../test-support/raw-http';
import { useTestServer } from '../test-support/test-server';
import { SESSION_COOKIE } from './session-cookie';
import { SESSION_IDLE_MS, SESSION_MAX_MS, sessionIdOf } from './session-token';

process.env.KSW_TRUSTED_PROXIES = '127.0.0.9';
useFreshDatabase();
const server = useTestServer();

beforeAll(async () => {
  await adminCookie(); // creates the admin
});

async function logIn(from = '127.0.0.1', headers: Record<string, string> = {}): Promise<{ res: RawResponse; token: string; cookie: string }> {
  const res = await rawRequest({
    url: `${server.url}/api/auth/login`,
    method: 'POST',
    from,
    body: { password: TEST_ADMIN_PASSWORD },
    headers: { origin: server.url, ...headers },
  });
  expect(res.status, res.text).toBe(200);
  const token = setCookies(res).get(SESSION_COOKIE)?.value ?? '';
  return { res, token, cookie: `${SESSION_COOKIE}=${token}` };
}

const installs = (cookie: string) => rawRequest({ url: `${server.url}/api/installs`, headers: { cookie } });

describe('session lifetime', () => {
  it(`a session in use still ends ${SESSION_MAX_MS / 3_600_000} h after login (absolute lifetime)`, async () => {
    const { token, cookie } = await logIn();
    expect((await installs(cookie)).status).toBe(200);
    const now = Date.now();
    await getDb().session.update({
      where: { id: sessionIdOf(token) },
      data: { createdAt: new Date(now - SESSION_MAX_MS + 5_000), lastSeen: new Date(now - 120_000) },
    });
    expect((await installs(cookie)).status).toBe(200);
    const slid = await getDb().session.findUniqueOrThrow({ where: { id: sessionIdOf(token) } });
    expect(slid.expiresAt.getTime()).toBeLessThanOrEqual(now - SESSION_MAX_MS + 5_000 + SESSION_MAX_MS);
    await getDb().session.update({
      where: { id: sessionIdOf(token) },
      data: { createdAt: new Date(now - SESSION_MAX_MS - 1_000), lastSeen: new Date(now - 120_000), expiresAt: new Date(now + SESSION_IDLE_MS) },
    });
    expect((await installs(cookie)).status).toBe(401);
    expect(await getDb().session.findUnique({ where: { id: sessionIdOf(token) } })).toBeNull();
  });

  it(`an unused session ends after ${SESSION_IDLE_MS / 3_600_000} h idle`, async () => {
    const { token, cookie } = await logIn();
    const created = await getDb().session.findUniqueOrThrow({ where: { id: sessionIdOf(token) } });
    expect(created.expiresAt.getTime() - created.createdAt.getTime()).toBe(SESSION_IDLE_MS);
    await getDb().session.update({ where: { id: sessionIdOf(token) }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await installs(cookie)).status).toBe(401);
  });
});

describe('log out everywhere', () => {
  it("ends every session, not only the caller's", async () => {
    const a = await logIn();
    const b = await logIn('127.0.0.2');
    const out = await rawRequest({ url: `${server.url}/api/auth/logout-everywhere`, method: 'POST', headers: { origin: server.url, cookie: a.cookie } });
    expect(out.status).toBe(200);
    expect(out.json).toEqual({ ok: true, ended: expect.any(Number) });
    expect(setCookies(out).get(SESSION_COOKIE)?.attributes).toContain('Max-Age=0');
    expect((await installs(a.cookie)).status).toBe(401);
    expect((await installs(b.cookie)).status).toBe(401);
    expect(await getDb().session.count()).toBe(0);
  });

  it("needs a session and the wizard's Origin", async () => {
    const { cookie } = await logIn();
    expect((await rawRequest({ url: `${server.url}/api/auth/logout-everywhere`, method: 'POST', headers: { origin: server.url } })).status).toBe(401);
    expect(
      (await rawRequest({ url: `${server.url}/api/auth/logout-everywhere`, method: 'POST', headers: { origin: 'http://evil.example', cookie } })).status,
    ).toBe(403);
    expect((await installs(cookie)).status).toBe(200);
  });
});

describe('Secure cookies', () => {
  const secureFlags = (res: RawResponse) => [...setCookies(res).values()].map((c) => /;\s*Secure/.test(c.attributes));

  it('only when a trusted proxy says the client came over https', async () => {
    expect(secureFlags((await logIn('127.0.0.1', { 'x-forwarded-proto': 'https' })).res)).toEqual([false, false]);
    expect(secureFlags((await logIn('127.0.0.9', { 'x-forwarded-proto': 'https' })).res)).toEqual([true, true]);
    expect(secureFlags((await logIn('127.0.0.9', { 'x-forwarded-proto': 'http' })).res)).toEqual([false, false]);
    expect(secureFlags((await logIn('127.0.0.9', { 'x-ksw-https': '1' })).res)).toEqual([false, false]);
  });
});
