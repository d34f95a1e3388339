/**
 * The process-wide socket.io server, attached to the custom HTTP server (server/index.ts) and kept
 * on globalThis so route handlers and the runner reach the same instance.
 *
 * Invariants:
 * - every engine.io request (handshake, long-polling, WebSocket upgrade) names one of the wizard's
 *   own hosts (server/http/wizard-origins.ts) and gets the security headers, like the front door;
 * - every connection is authenticated by the session cookie of its handshake, and an Origin, when
 *   the browser sent one, must be one of the wizard's origins exactly; others are refused with
 *   Error('not logged in'). Both transports (websocket, polling) are allowed.
 */
import type { IncomingHttpHeaders, IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { findSession } from '../auth/find-session';
import { readSessionToken } from '../auth/session-cookie';
import { hasWizardOrigin } from '../auth/check-origin';
import { securityHeaders } from '../http/security-headers';
import { isAllowedHost } from '../http/wizard-origins';

const globalIo = globalThis as unknown as { __kswIo?: Server };

export function getIo(): Server | undefined {
  return globalIo.__kswIo;
}

/** Rejects a handshake without a valid session (or with a foreign Origin). */
export async function authenticateSocket(socket: Pick<Socket, 'handshake'>): Promise<Error | undefined> {
  return authenticateHeaders(socket.handshake.headers);
}

async function authenticateHeaders(raw: IncomingHttpHeaders): Promise<Error | undefined> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string') headers.set(k, v);
    else if (Array.isArray(v)) headers.set(k, v.join(', '));
  }
  if (!isAllowedHost(headers.get('host'))) return new Error('not logged in');
  if (headers.get('origin') && !hasWizardOrigin(headers)) return new Error('not logged in');
  const session = await findSession(readSessionToken(headers.get('cookie')));
  return session ? undefined : new Error('not logged in');
}

export function attachIo(httpServer: HttpServer): Server {
  const io = new Server(httpServer, {
    transports: ['websocket', 'polling'],
    serveClient: false,
    // refuse at the engine.io handshake already, before any session id is handed out
    allowRequest: (req, callback) => {
      authenticateHeaders(req.headers).then(
        (err) => callback(err ? err.message : null, err === undefined),
        () => callback('not logged in', false),
      );
    },
  });
  const headers = Object.entries(securityHeaders(false));
  io.engine.use((req: IncomingMessage, res: ServerResponse, next: (err?: Error) => void) => {
    if (typeof res.setHeader === 'function') for (const [name, value] of headers) res.setHeader(name, value);
    next(isAllowedHost(req.headers.host) ? undefined : new Error('unknown host'));
  });
  io.use((socket, next) => {
    authenticateSocket(socket).then(
      (err) => next(err),
      () => next(new Error('not logged in')),
    );
  });
  globalIo.__kswIo = io;
  return io;
}

export async function closeIo(): Promise<void> {
  const io = globalIo.__kswIo;
  globalIo.__kswIo = undefined;
  if (io) await new Promise<void>((resolve) => io.close(() => resolve()));
}
