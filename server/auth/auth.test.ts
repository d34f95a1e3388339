import { beforeEach, describe, expect, it } from 'vitest';
import { POST as loginRoute } from '@/app/api/auth/login/route';
import { POST as logoutRoute } from '@/app/api/auth/logout/route';
import { POST as setupRoute } from '@/app/api/auth/setup/route';
import { GET as stateRoute } from '@/app/api/auth/state/route';
import { GET as listRoute } from '@/app/api/installs/route';
import { getDb } from '../db';
import { loadEnv } from '../env';
import { callRoute, TEST_ADMIN_PASSWORD } from '../test-support/api-client';
import { useFreshDatabase } from '../test-support/fresh-db';
import { findSession } from './find-session';
import { hashPassword, verifyPassword } from './hash-password';
import { formatSetupBanner, initAuth } from './init-auth';
import { resetGlobalLoginBudget } from './login-budget';
import { lockSecondsFor } from './login-throttle';
import { readSessionToken } from './session-cookie';
import { sessionIdOf, SESSION_IDLE_MS } from './session-token';
import { createSession } from './create-session';

useFreshDatabase();
// these tests log in far more often than the global budget allows new clients (login-slowdown.test.ts covers it)
beforeEach(() => resetGlobalLoginBudget());

const cookieOf = (setCookie: string | null) => `ksw_session=${readSessionToken(setCookie?.split(';')[0]) ?? ''}`;

describe('password hashing', () => {
  it('verifies the right password only, with a random salt', async () => {
    const a = await hashPassword('s3cret-password');
    const b = await hashPassword('s3cret-password');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('s3cret-password', a)).toBe(true);
    expect(await verifyPassword('s3cret-passwore', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('first start, setup token, login, sessions', () => {
  let token = '';

  it('issues a setup token when there is no admin and no env password', async () => {
    const init = await initAuth({ ...loadEnv(), adminPassword: undefined });
    expect(init.kind).toBe('setup-token');
    if (init.kind !== 'setup-token') return;
    token = init.token;
    expect(token).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(formatSetupBanner('http://127.0.0.1:3000', token)).toContain(`/setup and enter this token`);
    const state = await callRoute(stateRoute);
    expect(state.json).toEqual({ setupNeeded: true, loggedIn: false });
    expect((await callRoute(loginRoute, { method: 'POST', body: { password: 'whatever12' } })).status).toBe(409);
  });

  it('refuses a wrong token and a short password, then creates the admin once', async () => {
    const h = { 'x-ksw-client-address': '10.0.0.1' };
    const wrong = await callRoute(setupRoute, { method: 'POST', body: { token: 'nope', password: TEST_ADMIN_PASSWORD }, headers: h });
    expect(wrong.status).toBe(401);
    const short = await callRoute(setupRoute, { method: 'POST', body: { token, password: 'short' }, headers: h });
    expect(short.status).toBe(422);
    expect(short.json).toMatchObject({ errors: [{ path: 'password' }] });
    const ok = await callRoute(setupRoute, { method: 'POST', body: { token, password: TEST_ADMIN_PASSWORD }, headers: h });
    expect(ok.status).toBe(200);
    const [setCookie, device] = ok.headers.getSetCookie();
    expect(setCookie).toMatch(/^ksw_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(device).toMatch(/^ksw_device=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}; Path=\/api\/auth; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const again = await callRoute(setupRoute, { method: 'POST', body: { token, password: 'another-password' }, headers: h });
    expect(again.status).toBe(409);
    expect((await callRoute(stateRoute, { cookie: cookieOf(setCookie) })).json).toEqual({ setupNeeded: false, loggedIn: true });
    expect((await initAuth()).kind).toBe('admin-exists');
  });

  it('logs in with the password, stores only the token hash, logs out', async () => {
    const ok = await callRoute(loginRoute, { method: 'POST', body: { password: TEST_ADMIN_PASSWORD } });
    expect(ok.status).toBe(200);
    const cookie = cookieOf(ok.headers.getSetCookie()[0] ?? null);
    const raw = cookie.slice('ksw_session='.length);
    expect(await getDb().session.findUnique({ where: { id: raw } })).toBeNull();
    expect(await getDb().session.findUnique({ where: { id: sessionIdOf(raw) } })).not.toBeNull();
    expect((await callRoute(listRoute, { cookie })).status).toBe(200);
    const out = await callRoute(logoutRoute, { method: 'POST', cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await callRoute(listRoute, { cookie })).status).toBe(401);
  });

  it('sets Secure on the cookie when the front door stamped the request as https, never from X-Forwarded-Proto', async () => {
    const stamped = await callRoute(loginRoute, { method: 'POST', body: { password: TEST_ADMIN_PASSWORD }, headers: { 'x-ksw-https': '1' } });
    expect(stamped.headers.get('set-cookie')).toContain('; Secure');
    const claimed = await callRoute(loginRoute, { method: 'POST', body: { password: TEST_ADMIN_PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
    expect(claimed.headers.get('set-cookie')).not.toContain('Secure');
  });

  it('slides the expiry of a used session and forgets an expired one', async () => {
    const t0 = new Date('2030-01-01T00:00:00Z');
    const token = await createSession(t0);
    const later = new Date(t0.getTime() + SESSION_IDLE_MS - 60_000);
    const slid = await findSession(token, later);
    expect(slid?.expiresAt.getTime()).toBe(later.getTime() + SESSION_IDLE_MS);
    expect(await findSession(token, new Date(later.getTime() + SESSION_IDLE_MS + 1))).toBeNull();
    expect(await getDb().session.findUnique({ where: { id: sessionIdOf(token) } })).toBeNull();
  });

  it('slows down repeated failed logins per client address', async () => {
    expect([1, 2, 3, 4, 5, 10].map(lockSecondsFor)).toEqual([0, 0, 1, 2, 4, 30]);
    const h = { 'x-ksw-client-address': '10.9.9.9' };
    for (let i = 0; i < 3; i++) {
      expect((await callRoute(loginRoute, { method: 'POST', body: { password: 'wrong' }, headers: h })).status).toBe(401);
    }
    const locked = await callRoute(loginRoute, { method: 'POST', body: { password: TEST_ADMIN_PASSWORD }, headers: h });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // another address is not affected
    const other = await callRoute(loginRoute, { method: 'POST', body: { password: TEST_ADMIN_PASSWORD }, headers: { 'x-ksw-client-address': '10.1.1.1' } });
    expect(other.status).toBe(200);
    // after the lock, the right password works and clears the record
    await getDb().loginAttempt.update({ where: { key: 'addr:10.9.9.9' }, data: { lastFailure: new Date(Date.now() - 5000) } });
    expect((await callRoute(loginRoute, { method: 'POST', body: { password: TEST_ADMIN_PASSWORD }, headers: h })).status).toBe(200);
    expect(await getDb().loginAttempt.findUnique({ where: { key: 'addr:10.9.9.9' } })).toBeNull();
  });

  it('creates the admin from KSW_ADMIN_PASSWORD on first start', async () => {
    await getDb().admin.deleteMany({});
    const init = await initAuth({ ...loadEnv(), adminPassword: 'from-the-env' });
    expect(init.kind).toBe('admin-from-env');
    expect((await callRoute(loginRoute, { method: 'POST', body: { password: 'from-the-env' } })).status).toBe(200);
  });
});
