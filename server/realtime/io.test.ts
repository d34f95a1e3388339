import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCookie } from '../test-support/api-client';
import { useFreshDatabase } from '../test-support/fresh-db';
import { attachIo, closeIo, getIo } from './io';

useFreshDatabase();

const httpServer = createServer();
let url = '';
let cookie = '';

beforeAll(async () => {
  cookie = await adminCookie();
  attachIo(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
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
  });
});
