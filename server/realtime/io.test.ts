import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCookie } from '../test-support/api-client';
import { rawRequest } from '../test-support/raw-http';
import { useFreshDatabase } from '../test-support/fresh-db';
import { sessionIdOf } from '../auth/session-token';
import { getDb } from '../db';
import { attachIo, closeIo, getIo } from './io';
import { sweepSocketSessions } from './socket-sessions';

useFreshDatabase();

const httpServer = createServer();
let url = '';
let cookie = '';

beforeAll(async () => {
  cookie = await adminCookie();
  attachIo(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await closeIo();
  await new Promise<void>((resolve) => httpServer.close(() => resolve()));
});

function tryConnect(transport: 'websocket' | 'polling', headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(url, { transports: [transport], extraHeaders: headers, reconnection: false, timeout: 5000 });
    socket.on('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.on('connect_error', (err) => {
      socket.close();
      resolve(`refused: ${err.message}`);
    });
  });
}

describe('socket.io authentication', () => {
  it('accepts a logged-in client over websocket and polling', async () => {
    expect(getIo()).toBeDefined();
    expect(await tryConnect('websocket', { cookie })).toBe('connected');
    expect(await tryConnect('polling', { cookie })).toBe('connected');
  });

  it('refuses a client without a session, with a bad session, or from another origin', async () => {
    expect(await tryConnect('polling', {})).toMatch(/^refused/);
    expect(await tryConnect('websocket', {})).toMatch(/^refused/);
    expect(await tryConnect('polling', { cookie: 'ksw_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).toMatch(/^refused/);
    expect(await tryConnect('polling', { cookie, origin: 'http://evil.example' })).toMatch(/^refused/);
    expect(await tryConnect('polling', { cookie, origin: url.replace('http:', 'https:') })).toMatch(/^refused/);
    // (the client's polling transport cannot set Host: a raw handshake request stands in for it)
    expect(await tryConnect('websocket', { cookie, host: 'rebind.evil.example' })).toMatch(/^refused/);
    const handshake = (host: string) => rawRequest({ url: `${url}/socket.io/?EIO=4&transport=polling`, headers: { cookie, host } });
    expect((await handshake(new URL(url).host)).status).toBe(200);
    expect((await handshake('rebind.evil.example')).status).toBe(400);
  });
});

describe('the session sweep', () => {
  it('disconnects a listening socket whose session expired, and only that one', async () => {
    const other = await adminCookie();
    const expiring = await adminCookie();
    const sockets = await Promise.all(
      [other, expiring].map(
        (c) =>
          new Promise<ReturnType<typeof connect>>((resolve) => {
            const socket = connect(url, { transports: ['websocket'], extraHeaders: { cookie: c }, reconnection: false });
            socket.once('connect', () => resolve(socket));
          }),
      ),
    );
    await getDb().session.update({ where: { id: sessionIdOf(expiring.slice('ksw_session='.length)) }, data: { expiresAt: new Date(Date.now() - 1) } });
    const io = getIo();
    if (!io) throw new Error('io not attached');
    const gone = new Promise<string>((resolve) => sockets[1]?.once('disconnect', (reason) => resolve(reason)));
    expect(await sweepSocketSessions(io)).toBe(1);
    expect(await gone).toBe('io server disconnect');
    expect(sockets[0]?.connected).toBe(true);
    for (const socket of sockets) socket?.close();
  });
});
