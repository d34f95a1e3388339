/**
 * The guards every route shares: 421 for a Host that is not the wizard's (all but health), 401
 * without a session (all but health/auth), 403 for a state-changing call without one of the
 * wizard's own origins, 413 for a body over the route's limit, 400 for malformed JSON, 404 for an
 * unknown id. (server/http/front-door.test.ts checks the same over real HTTP.)
 *
 * The tables below are checked against the route files themselves: every exported HTTP method of
 * every route.ts under app/api must be in PROTECTED, OPEN_STATE_CHANGING or OPEN_READ (matched by
 * handler identity), so a new route cannot be added without its guard cases.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCookie, callRoute } from '@/server/test-support/api-client';
import { useFreshDatabase } from '@/server/test-support/fresh-db';
import { AUTH_BODY_LIMIT, bodyLimitFor, tooLargeMessage } from '@/server/http/body-limits';
import { UNKNOWN_HOST_MESSAGE } from '@/server/http/wizard-origins';
import { contractRouteOf, CSRF_MESSAGE, type RouteHandler } from '@/server/http/with-api';
import { POST as login } from './auth/login/route';
import { POST as logout } from './auth/logout/route';
import { POST as logoutEverywhere } from './auth/logout-everywhere/route';
import { POST as setup } from './auth/setup/route';
import { GET as authState } from './auth/state/route';
import { GET as health } from './health/route';
import { GET as files } from './installs/[id]/files/[file]/route';
import { GET as hostConflicts } from './installs/[id]/host-conflicts/route';
import { GET as hostKeys } from './installs/[id]/host-keys/route';
import { POST as trustHostKeys } from './installs/[id]/host-keys/trust/route';
import { GET as finish } from './installs/[id]/finish/route';
import { GET as installGate } from './installs/[id]/install-gate/route';
import { GET as kubeconfig } from './installs/[id]/kubeconfig/route';
import { GET as latestPreflight } from './installs/[id]/preflight/latest/route';
import { POST as startPreflight } from './installs/[id]/preflight/route';
import { DELETE as deleteOne, GET as getOne, PUT as putOne } from './installs/[id]/route';
import { GET as listRuns, POST as startRun } from './installs/[id]/runs/route';
import { POST as startOperation } from './installs/[id]/operations/route';
import { GET as getCluster } from './installs/[id]/cluster/route';
import { POST as useLab } from './installs/[id]/use-lab/route';
import { POST as importFiles } from './installs/import/route';
import { GET as list, POST as create } from './installs/route';
import { GET as lab } from './lab/route';
import { GET as preflightRun } from './preflight/[runId]/route';
import { POST as cancelRun } from './runs/[id]/cancel/route';
import { GET as runLog } from './runs/[id]/log/route';
import { POST as retryRun } from './runs/[id]/retry/route';
import { GET as getRun } from './runs/[id]/route';

useFreshDatabase();

interface RouteCase {
  /** "METHOD /api/path", `:param` for a path parameter (or a sample value, e.g. files/hosts.ini). */
  name: string;
  handler: RouteHandler<Record<string, string>>;
  method: string;
  params?: Record<string, string>;
  /** A body that passes the route's input schema, so an unknown id answers 404 rather than 422. */
  body?: unknown;
}

const h = <P>(handler: RouteHandler<P>) => handler as unknown as RouteHandler<Record<string, string>>;
const id = { id: 'does-not-exist' };
const fingerprint = `SHA256:${'k'.repeat(43)}`;

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
  { name: 'GET /api/installs/:id/finish', handler: h(finish), method: 'GET', params: id },
  { name: 'GET /api/installs/:id/kubeconfig', handler: h(kubeconfig), method: 'GET', params: id },
  { name: 'POST /api/installs/:id/preflight', handler: h(startPreflight), method: 'POST', params: id },
  { name: 'GET /api/installs/:id/preflight/latest', handler: h(latestPreflight), method: 'GET', params: id },
  { name: 'GET /api/preflight/:runId', handler: h(preflightRun), method: 'GET', params: { runId: 'does-not-exist' } },
  { name: 'GET /api/installs/:id/host-keys', handler: h(hostKeys), method: 'GET', params: id },
  { name: 'GET /api/installs/:id/host-conflicts', handler: h(hostConflicts), method: 'GET', params: id },
  { name: 'POST /api/installs/:id/host-keys/trust', handler: h(trustHostKeys), method: 'POST', params: id, body: { keys: [{ host: 'node1', fingerprint }] } },
  { name: 'GET /api/installs/:id/runs', handler: h(listRuns), method: 'GET', params: id },
  { name: 'POST /api/installs/:id/runs', handler: h(startRun), method: 'POST', params: id },
  { name: 'POST /api/installs/:id/operations', handler: h(startOperation), method: 'POST', params: id, body: { kind: 'uninstall', confirm: 'x' } },
  { name: 'GET /api/installs/:id/cluster', handler: h(getCluster), method: 'GET', params: id },
  { name: 'GET /api/runs/:id', handler: h(getRun), method: 'GET', params: id },
  { name: 'GET /api/runs/:id/log', handler: h(runLog), method: 'GET', params: id },
  { name: 'POST /api/runs/:id/cancel', handler: h(cancelRun), method: 'POST', params: id },
  { name: 'POST /api/runs/:id/retry', handler: h(retryRun), method: 'POST', params: id, body: { mode: 'failed' } },
  { name: 'GET /api/lab', handler: h(lab), method: 'GET' },
  { name: 'POST /api/auth/logout-everywhere', handler: h(logoutEverywhere), method: 'POST' },
];

/** The auth routes, open by design (no session yet, or ending one); still Origin-checked. */
const OPEN_STATE_CHANGING: RouteCase[] = [
  { name: 'POST /api/auth/login', handler: h(login), method: 'POST' },
  { name: 'POST /api/auth/setup', handler: h(setup), method: 'POST' },
  { name: 'POST /api/auth/logout', handler: h(logout), method: 'POST' },
];

/**
 * Reads that need no session, on purpose. Keep this list short: anything here is public.
 *   - health: the liveness probe for process supervisors and load balancers;
 *   - auth state: the login/setup pages ask it before anyone is logged in ({setupNeeded, loggedIn}).
 */
const OPEN_READ: RouteCase[] = [
  { name: 'GET /api/health', handler: h(health), method: 'GET' },
  { name: 'GET /api/auth/state', handler: h(authState), method: 'GET' },
];

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;
const API_DIR = path.dirname(fileURLToPath(import.meta.url));

interface DiscoveredRoute {
  /** "METHOD /api/path" with `:param` for each [param] folder. */
  name: string;
  method: string;
  handler: unknown;
}

/** Imports every route.ts under app/api and lists each exported HTTP method. */
async function discoverRoutes(): Promise<DiscoveredRoute[]> {
  const files = fs
    .readdirSync(API_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === 'route.ts')
    .sort();
  const found: DiscoveredRoute[] = [];
  for (const file of files) {
    const url = `/api/${path
      .dirname(file)
      .split(path.sep)
      .map((seg) => seg.replace(/^\[(.+)\]$/, ':$1'))
      .join('/')}`;
    const mod = (await import(path.join(API_DIR, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (mod[method] !== undefined) found.push({ name: `${method} ${url}`, method, handler: mod[method] });
    }
  }
  return found;
}

let cookie = '';
beforeAll(async () => {
  cookie = await adminCookie();
});

describe('the tables cover every route', () => {
  const tables = { PROTECTED, OPEN_STATE_CHANGING, OPEN_READ };
  let routes: DiscoveredRoute[] = [];
  beforeAll(async () => {
    routes = await discoverRoutes();
  });

  it('finds the route files', () => {
    expect(routes.map((r) => r.name)).toEqual(expect.arrayContaining(['GET /api/health', 'POST /api/installs', 'GET /api/runs/:id/log']));
  });

  it('every exported method of every route.ts is in a table', () => {
    const listed = new Set(Object.values(tables).flatMap((t) => t.map((c) => c.handler as unknown)));
    const missing = routes.filter((r) => !listed.has(r.handler)).map((r) => r.name);
    expect(missing, `not in PROTECTED, OPEN_STATE_CHANGING or OPEN_READ of app/api/api-guards.test.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('every handler is typed by the contract of its own method and path (lib/api/routes.ts)', () => {
    const wrong = routes
      .filter((r) => contractRouteOf(r.handler) !== r.name)
      .map((r) => `${r.name} is wrapped as ${contractRouteOf(r.handler) ?? 'no contract'}`);
    expect(wrong).toEqual([]);
  });

  it('every table entry is a route with that method and path', () => {
    const wrong: string[] = [];
    for (const [table, cases] of Object.entries(tables)) {
      for (const c of cases) {
        const route = routes.find((r) => r.handler === c.handler);
        // `:param` in the route matches a parameter name or a sample value in the case name
        const pattern = route && new RegExp(`^${route.name.replace(/:[^/]+/g, '[^/]+')}$`);
        if (!route || route.method !== c.method || !pattern?.test(c.name)) {
          wrong.push(`${table}: "${c.name}" with method ${c.method}, but its handler is ${route?.name ?? 'not exported by any route.ts'}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a protected route is in no open table, and open tables hold only what is meant to be open', () => {
    const open = new Set([...OPEN_STATE_CHANGING, ...OPEN_READ].map((c) => c.handler));
    expect(PROTECTED.filter((c) => open.has(c.handler)).map((c) => c.name)).toEqual([]);
    expect(OPEN_STATE_CHANGING.every((c) => c.method !== 'GET')).toBe(true);
    expect(OPEN_READ.every((c) => c.method === 'GET')).toBe(true);
  });
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

  it.each(OPEN_READ)('$name answers 200 without a session', async ({ handler, params }) => {
    expect((await callRoute(handler, { params })).status).toBe(200);
  });
});

/** The URL path of a case: its name with each `:param` replaced by the case's value. */
const pathOf = ({ name, params = {} }: RouteCase) => (name.split(' ')[1] ?? '').replace(/:(\w+)/g, (_, key: string) => params[key] ?? key);

describe('421 for a Host that is not the wizard (DNS rebinding)', () => {
  const allButHealth = [...PROTECTED, ...OPEN_STATE_CHANGING, ...OPEN_READ].filter((r) => r.handler !== h(health));
  it.each(allButHealth)('$name', async (route) => {
    for (const host of ['rebind.evil.example:3000', 'wizard.test:3001', 'wizard.test']) {
      const origin = route.method === 'GET' ? undefined : `http://${host}`;
      const res = await callRoute(route.handler, {
        method: route.method,
        params: route.params,
        cookie,
        origin,
        headers: { host },
        path: pathOf(route),
        body: route.method === 'GET' ? undefined : {},
      });
      expect(res.status, host).toBe(421);
      expect(res.json).toEqual({ error: UNKNOWN_HOST_MESSAGE });
    }
  });

  it('the health probe answers any Host', async () => {
    expect((await callRoute(health, { headers: { host: '10.1.2.3:3000' } })).status).toBe(200);
  });
});

describe("403 for state-changing calls without one of the wizard's origins", () => {
  const stateChanging = [...PROTECTED.filter((r) => r.method !== 'GET'), ...OPEN_STATE_CHANGING];
  it.each(stateChanging)('$name', async ({ handler, method, params }) => {
    for (const origin of [null, 'http://evil.example', 'http://wizard.test:3001', 'https://wizard.test:3000', 'http://wizard.test', 'null']) {
      const res = await callRoute(handler, { method, params, cookie, origin, body: {} });
      expect(res.status, String(origin)).toBe(403);
      expect(res.json).toEqual({ error: CSRF_MESSAGE });
    }
  });

  it('GET needs no Origin', async () => {
    expect((await callRoute(list, { cookie, origin: null })).status).toBe(200);
  });
});

describe("413 for a body over the route's limit, refused before it is parsed", () => {
  const withBody = [...PROTECTED, ...OPEN_STATE_CHANGING].filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method));
  it.each(withBody)('$name', async (route) => {
    const limit = bodyLimitFor(pathOf(route));
    const res = await callRoute(route.handler, {
      method: route.method,
      params: route.params,
      cookie,
      path: pathOf(route),
      body: `{"x":"${'a'.repeat(limit)}"}`,
    });
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ error: tooLargeMessage(limit) });
  });

  it.each(OPEN_STATE_CHANGING)('$name: an open route takes at most 4 KiB', (route) => {
    expect(bodyLimitFor(pathOf(route))).toBe(AUTH_BODY_LIMIT);
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

describe('404 for an unknown install, run or preflight', () => {
  const byId = PROTECTED.filter((r) => r.params);
  it.each(byId)('$name', async ({ handler, method, params, body }) => {
    const { defaultConfig } = await import('@/lib/config/defaults');
    const res = await callRoute(handler, { method, params, cookie, body: method === 'PUT' ? { config: defaultConfig() } : body });
    expect(res.status, res.text).toBe(404);
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
