/**
 * Black-box: real HTTP against the real server (server/start-server.ts, started in-process on a
 * free port): bounded bodies refused early, the Host / Origin allow-list, security headers, TRACE,
 * database file modes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTH_BODY_LIMIT, bodyLimitFor, DEFAULT_BODY_LIMIT, IMPORT_BODY_LIMIT, tooLargeMessage } from './body-limits';
import { adminCookie } from '../test-support/api-client';
import { useFreshDatabase } from '../test-support/fresh-db';
import { rawRequest, streamUntilAnswered, type RawResponse } from '../test-support/raw-http';
import { useTestServer } from '../test-support/test-server';

process.env.KSW_PUBLIC_URL = 'https://wizard.example.com';
const dbFile = useFreshDatabase();
const server = useTestServer();
const KIB = 1024;
let cookie = '';
beforeAll(async () => {
  cookie = await adminCookie();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  rawRequest({ url: `${server.url}${path}`, method: 'POST', body: body as object, headers: { origin: server.url, ...headers } });

describe('request bodies are bounded and refused early', () => {
  it.each([
    ['/api/auth/login', AUTH_BODY_LIMIT],
    ['/api/auth/setup', AUTH_BODY_LIMIT],
    ['/api/auth/logout', AUTH_BODY_LIMIT],
    ['/api/installs/import', IMPORT_BODY_LIMIT],
    ['/api/installs', DEFAULT_BODY_LIMIT],
  ])('%s: a declared Content-Length over %d bytes is a 413 before the body is sent', async (path, limit) => {
    const { response, bytesSent } = await streamUntilAnswered({
      url: `${server.url}${path}`,
      headers: { origin: server.url, 'content-length': String(100 * 1024 * KIB) },
      chunk: Buffer.from('{"password":"'),
      everyMs: 50,
      maxBytes: 64 * KIB,
    });
    expect(response.status).toBe(413);
    expect(response.json).toEqual({ error: tooLargeMessage(limit) });
    expect(bytesSent).toBeLessThan(64 * KIB);
  });

  it('a body without a Content-Length (chunked) is a 411 before any of it is read', async () => {
    const { response, bytesSent } = await streamUntilAnswered({
      url: `${server.url}/api/auth/login`,
      headers: { origin: server.url },
      chunk: Buffer.alloc(KIB, 'a'),
      everyMs: 50,
      maxBytes: 64 * KIB,
    });
    expect(response.status).toBe(411);
    expect(bytesSent).toBeLessThan(64 * KIB);
  });

  it('a body just within the limit is read (then judged on its content)', async () => {
    const password = 'x'.repeat(AUTH_BODY_LIMIT - 100);
    expect((await post('/api/auth/login', { password })).status).toBe(422);
  });

  it('a password longer than 1024 characters is refused before it is hashed', async () => {
    const res = await post('/api/auth/login', { password: 'p'.repeat(1025) });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ errors: [{ path: 'password', message: expect.stringContaining('1024') }] });
  });
});

describe("only the wizard's own origins", () => {
  const evil = () => `rebind.evil.example:${server.port}`;

  it('a foreign Host (DNS rebinding) is refused for pages, API and socket.io', async () => {
    for (const path of ['/login', '/api/auth/state', '/api/installs']) {
      expect((await rawRequest({ url: `${server.url}${path}`, headers: { host: evil(), cookie } })).status, path).toBe(421);
    }
    const socketHandshake = (host: string) => rawRequest({ url: `${server.url}/socket.io/?EIO=4&transport=polling`, headers: { host, cookie } });
    expect((await socketHandshake(`127.0.0.1:${server.port}`)).status).toBe(200);
    expect((await socketHandshake(evil())).status).toBe(400);
    const login = await post('/api/auth/login', { password: 'whatever-password' }, { host: evil(), origin: `http://${evil()}` });
    expect(login.status).toBe(421);
    expect(login.json).toEqual({ error: expect.stringContaining('KSW_PUBLIC_URL') });
  });

  it('the health probe answers whatever the Host', async () => {
    expect((await rawRequest({ url: `${server.url}/api/health`, headers: { host: evil() } })).status).toBe(200);
  });

  it('localhost, 127.0.0.1 and KSW_PUBLIC_URL are the wizard', async () => {
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, 'wizard.example.com']) {
      expect((await rawRequest({ url: `${server.url}/api/installs`, headers: { host, cookie } })).status, host).toBe(200);
    }
  });

  it('the Origin of a write must be one of them, scheme included', async () => {
    const cases: [Record<string, string>, 'passes' | 'refused'][] = [
      [{ origin: server.url }, 'passes'],
      [{ origin: `http://localhost:${server.port}`, host: `localhost:${server.port}` }, 'passes'],
      [{ origin: 'https://wizard.example.com', host: 'wizard.example.com' }, 'passes'],
      [{ origin: server.url.replace('http:', 'https:') }, 'refused'],
      [{ origin: 'http://wizard.example.com', host: 'wizard.example.com' }, 'refused'],
      [{ origin: `http://${evil()}` }, 'refused'],
      [{ origin: 'null' }, 'refused'],
    ];
    for (const [headers, verdict] of cases) {
      // a write that passes the Origin check reaches the handler: 201 for a new install
      const res = await post('/api/installs', { name: 'origin check' }, { cookie, ...headers });
      expect(res.status, JSON.stringify(headers)).toBe(verdict === 'passes' ? 201 : 403);
    }
  });
});

/** Every app/api route as a URL path (each [param] folder filled in), so new routes are covered too. */
function everyApiPath(): string[] {
  const apiDir = path.resolve(import.meta.dirname, '../../app/api');
  return fs
    .readdirSync(apiDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === 'route.ts')
    .map(
      (f) =>
        `/api/${path
          .dirname(f)
          .split(path.sep)
          .map((seg) => seg.replace(/^\[(.+)\]$/, 'x-$1'))
          .join('/')}`,
    );
}

describe('every route, over real HTTP', () => {
  const paths = everyApiPath();

  it('finds the routes', () => {
    expect(paths).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/installs/import', '/api/runs/x-id/log']));
  });

  it("refuses a foreign Host (all but the health probe) and a body over the route's limit, before Next", async () => {
    for (const p of paths) {
      const foreign = await rawRequest({ url: `${server.url}${p}`, headers: { host: `rebind.evil.example:${server.port}`, cookie } });
      expect(foreign.status, p).toBe(p === '/api/health' ? 200 : 421);
      const { response } = await streamUntilAnswered({
        url: `${server.url}${p}`,
        headers: { origin: server.url, cookie, 'content-length': String(bodyLimitFor(p) + 1) },
        chunk: Buffer.from('{'),
        everyMs: 50,
        maxBytes: 1024,
      });
      expect(response.status, p).toBe(413);
    }
  });
});

describe('headers and methods', () => {
  const SECURITY_HEADERS = ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy'];
  const hasSecurityHeaders = (res: RawResponse) => {
    for (const name of SECURITY_HEADERS) expect(res.headers[name], name).toBeTruthy();
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
  };

  it('every answer carries CSP, X-Frame-Options, nosniff and Referrer-Policy', async () => {
    const page = await rawRequest({ url: `${server.url}/login` });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
    hasSecurityHeaders(page);
    hasSecurityHeaders(await rawRequest({ url: `${server.url}/api/health` }));
    hasSecurityHeaders(await rawRequest({ url: `${server.url}/api/installs` }));
    hasSecurityHeaders(await rawRequest({ url: `${server.url}/socket.io/?EIO=4&transport=polling` }));
    hasSecurityHeaders(await rawRequest({ url: `${server.url}/api/health`, method: 'TRACE' }));
  });

  // (CONNECT and methods Node's parser does not know, e.g. TRACK, never reach a handler: Node answers 400)
  it.each(['TRACE', 'PROPFIND', 'MKCOL'])('%s is 405, not 500', async (method) => {
    const res = await rawRequest({ url: `${server.url}/api/health`, method });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toContain('GET');
  });

  it('the database files are readable by the wizard only (0600)', () => {
    for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`].filter((f) => fs.existsSync(f))) {
      expect((fs.statSync(file).mode & 0o777).toString(8), file).toBe('600');
    }
  });
});
