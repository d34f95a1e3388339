/**
 * Black-box: socket.io connections do not outlive their session — real socket.io clients against a
 * started server, sessions ended over real HTTP (logout, log out everywhere) or by expiry.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionIdOf } from '../auth/session-token';
import { getDb } from '../db';
import { adminCookie } from '../test-support/api-client';
import { useFreshDatabase } from '../test-support/fresh-db';
import { rawRequest } from '../test-support/raw-http';
import { useTestServer } from '../test-support/test-server';

useFreshDatabase();
const server = useTestServer();
const open: Socket[] = [];
const post = (path: string, cookie: string) =>
  rawRequest({ url: `${server.url}${path}`, method: 'POST', headers: { origin: server.url, ...(cookie ? { cookie } : {}) } });

beforeAll(async () => {
  await adminCookie(); // the admin
  // compile the routes the tests call (development mode), so their timings are not the compiler's
  for (const path of ['/api/auth/logout', '/api/auth/logout-everywhere']) await post(path, '');
}, 180_000);

afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

function connected(cookie: string, transport: 'websocket' | 'polling'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.url, { transports: [transport], extraHeaders: { cookie }, reconnection: false, timeout: 10_000 });
    open.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

function disconnection(socket: Socket, withinMs: number): Promise<string> {
  return new Promise((resolve) => {
    if (!socket.connected) return resolve('already disconnected');
    const timer = setTimeout(() => resolve('still connected'), withinMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(`disconnected: ${reason}`);
    });
  });
}

describe('sockets end with their session', () => {
  it("logout disconnects that session's sockets (websocket and polling), not another session's", async () => {
    const mine = await adminCookie();
    const other = await adminCookie();
    const ws = await connected(mine, 'websocket');
    const polling = await connected(mine, 'polling');
    const bystander = await connected(other, 'websocket');
    const ends = [disconnection(ws, 5_000), disconnection(polling, 5_000)];
    expect((await post('/api/auth/logout', mine)).status).toBe(200);
    expect(await Promise.all(ends)).toEqual(['disconnected: io server disconnect', 'disconnected: io server disconnect']);
    expect(await disconnection(bystander, 500)).toBe('still connected');
  });

  it('the old session id of a polling connection is not answered after logout, even without a cookie', async () => {
    const cookie = await adminCookie();
    const polling = (query: string, init: { method?: string; body?: string; cookie?: string } = {}) =>
      rawRequest({
        url: `${server.url}/socket.io/?EIO=4&transport=polling${query}`,
        method: init.method,
        body: init.body,
        headers: { 'content-type': 'text/plain', ...(init.cookie ? { cookie: init.cookie } : {}) },
        timeoutMs: 40_000,
      });
    const open = await polling('', { cookie });
    const sid = (JSON.parse(open.text.slice(1)) as { sid: string }).sid;
    expect((await polling(`&sid=${sid}`, { method: 'POST', body: '40', cookie })).text).toBe('ok');
    expect((await polling(`&sid=${sid}`, { cookie })).text).toMatch(/^40/);
    expect((await post('/api/auth/logout', cookie)).status).toBe(200);
    // the connection was closed: the next polls get the goodbye packets (namespace disconnect "41",
    // engine close "1"), then 400 for an unknown session id — never a live answer
    const answers: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const next = await polling(`&sid=${sid}`);
      answers.push(`${next.status} ${next.text.split('\x1e').join('|')}`);
      if (next.status === 400) break;
    }
    expect(answers.at(-1)).toMatch(/^400 /);
    for (const answer of answers.slice(0, -1)) expect(answer).toMatch(/^200 (41|1|6)(\|(41|1|6))*$/);
  });

  it('a socket whose session expired is disconnected at its next event', async () => {
    const cookie = await adminCookie();
    const socket = await connected(cookie, 'websocket');
    const token = cookie.slice('ksw_session='.length);
    await getDb().session.update({ where: { id: sessionIdOf(token) }, data: { expiresAt: new Date(Date.now() - 1) } });
    const ended = disconnection(socket, 5_000);
    socket.emit('live:join', { topic: 'run', key: 'any', afterSeq: 0 });
    expect(await ended).toBe('disconnected: io server disconnect');
  });

  it('"log out everywhere" disconnects every socket', async () => {
    const a = await adminCookie();
    const b = await adminCookie();
    const sockets = [await connected(a, 'websocket'), await connected(b, 'polling')];
    const ends = sockets.map((s) => disconnection(s, 5_000));
    expect((await post('/api/auth/logout-everywhere', a)).status).toBe(200);
    expect(await Promise.all(ends)).toEqual(['disconnected: io server disconnect', 'disconnected: io server disconnect']);
  });
});
