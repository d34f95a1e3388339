/**
 * The guards every route shares: 401 without a session (all but health/auth), 403 for a
 * state-changing call without a same-origin Origin, 400 for malformed JSON, 404 for an unknown id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCookie, callRoute } from '@/server/test-support/api-client';
import { useFreshDatabase } from '@/server/test-support/fresh-db';
import type { RouteHandler } from '@/server/http/with-api';
import { POST as login } from './auth/login/route';
import { POST as logout } from './auth/logout/route';
import { POST as setup } from './auth/setup/route';
import { GET as authState } from './auth/state/route';
import { GET as health } from './health/route';
import { GET as files } from './installs/[id]/files/[file]/route';
import { DELETE as deleteOne, GET as getOne, PUT as putOne } from './installs/[id]/route';
import { POST as importFiles } from './installs/import/route';
import { POST as useLab } from './installs/[id]/use-lab/route';
import { GET as installGate } from './installs/[id]/install-gate/route';
import { GET as lab } from './lab/route';
import { GET as list, POST as create } from './installs/route';

useFreshDatabase();

interface RouteCase {
  name: string;
  handler: RouteHandler<Record<string, string>>;
  method: string;
  params?: Record<string, string>;
}

const h = <P>(handler: RouteHandler<P>) => handler as unknown as RouteHandler<Record<string, string>>;
const id = { id: 'does-not-exist' };

const PROTECTED: RouteCase[] = [
  { name: 'GET /api/installs', handler: h(list), method: 'GET' },
  { name: 'POST /api/installs', handler: h(create), method: 'POST' },
  { name: 'POST /api/installs/import', handler: h(importFiles), method: 'POST' },
  { name: 'GET /api/installs/:id', handler: h(getOne), method: 'GET', params: id },
  { name: 'PUT /api/installs/:id', handler: h(putOne), method: 'PUT', params: id },
  { name: 'DELETE /api/installs/:id', handler: h(deleteOne), method: 'DELETE', params: id },
  { name: 'GET /api/installs/:id/files/hosts.ini', handler: h(files), method: 'GET', params: { ...id, file: 'hosts.ini' } },
  { name: 'GET /api/installs/:id/files/vars.yml', handler: h(files), method: 'GET', params: { ...id, file: 'vars.yml' } },
  { name: 'POST /api/installs/:id/use-lab', handler: h(useLab), method: 'POST', params: id },
  { name: 'GET /api/installs/:id/install-gate', handler: h(installGate), method: 'GET', params: id },
  { name: 'GET /api/lab', handler: h(lab), method: 'GET' },
];

const OPEN_STATE_CHANGING: RouteCase[] = [
  { name: 'POST /api/auth/login', handler: h(login), method: 'POST' },
  { name: 'POST /api/auth/setup', handler: h(setup), method: 'POST' },
  { name: 'POST /api/auth/logout', handler: h(logout), method: 'POST' },
];

let cookie = '';
beforeAll(async () => {
  cookie = await adminCookie();
});

describe('401 without a session', () => {
  it.each(PROTECTED)('$name', async ({ handler, method, params }) => {
    for (const c of [undefined, 'ksw_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'other=1']) {
      const res = await callRoute(handler, { method, params, cookie: c, body: method === 'GET' || method === 'DELETE' ? undefined : {} });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: 'not logged in' });
    }
  });

  it('health and auth state need no session', async () => {
    expect((await callRoute(health)).json).toEqual({ ok: true });
    expect((await callRoute(authState)).json).toEqual({ setupNeeded: false, loggedIn: false });
  });
});

describe('403 for state-changing calls without a same-origin Origin', () => {
  const stateChanging = [...PROTECTED.filter((r) => r.method !== 'GET'), ...OPEN_STATE_CHANGING];
  it.each(stateChanging)('$name', async ({ handler, method, params }) => {
    for (const origin of [null, 'http://evil.example', 'http://wizard.test:3001', 'null']) {
      const res = await callRoute(handler, { method, params, cookie, origin, body: {} });
      expect(res.status).toBe(403);
      expect(res.json).toEqual({ error: 'cross-site request refused: send an Origin header matching the server' });
    }
  });

  it('GET needs no Origin', async () => {
    expect((await callRoute(list, { cookie, origin: null })).status).toBe(200);
  });
});

describe('400 for malformed JSON', () => {
  const withBody = [...PROTECTED.filter((r) => r.method === 'POST' || r.method === 'PUT'), ...OPEN_STATE_CHANGING.slice(0, 2)];
  it.each(withBody)('$name', async ({ handler, method, params }) => {
    const res = await callRoute(handler, { method, params, cookie, body: '{"name": "x",' });
    expect(res.status).toBe(400);
    expect((res.json as { error: string }).error).toMatch(/^malformed JSON: /);
  });
});

describe('404 for an unknown install', () => {
  const byId = PROTECTED.filter((r) => r.params);
  it.each(byId)('$name', async ({ handler, method, params }) => {
    const { defaultConfig } = await import('@/lib/config/defaults');
    const body = method === 'PUT' ? { config: defaultConfig() } : undefined;
    const res = await callRoute(handler, { method, params, cookie, body });
    expect(res.status).toBe(404);
  });

  it('404 for an unknown file name', async () => {
    const res = await callRoute(files, { cookie, params: { id: 'x', file: 'secrets.txt' } });
    expect(res.status).toBe(404);
  });
});

describe('422 shape', () => {
  it('lists every problem with its path', async () => {
    const res = await callRoute(create, { method: 'POST', cookie, body: { name: 5, config: { hosts: 'no' } } });
    expect(res.status).toBe(422);
    const body = res.json as { errors: { path: string; message: string }[]; warnings: unknown[] };
    expect(body.warnings).toEqual([]);
    const paths = body.errors.map((e) => e.path);
    expect(paths).toContain('name');
    expect(paths).toContain('hosts');
    expect(paths).toContain('clusterName');
    for (const e of body.errors) expect(typeof e.message).toBe('string');
  });
});
