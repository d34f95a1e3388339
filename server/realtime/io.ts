/**
 * The process-wide socket.io server, attached to the custom HTTP server (server/index.ts) and kept
 * on globalThis so route handlers and the runner reach the same instance.
 *
 * Invariants:
 * - every engine.io request (handshake, long-polling, WebSocket upgrade) names one of the wizard's
 *   own hosts (server/http/wizard-origins.ts) and gets the security headers, like the front door;
 * - every connection is authenticated by the session cookie of its handshake, and an Origin, when
 *   the browser sent one, must be one of the wizard's origins exactly; others are refused with
 *   Error('not logged in'). Both transports (websocket, polling) are allowed;
 * - a socket lives no longer than that session (socket-sessions.ts).
 */
import type { IncomingHttpHeaders, IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/live/events';
import { findSession, type SessionInfo } from '../auth/find-session';
import { readSessionToken } from '../auth/session-cookie';
import { hasWizardOrigin } from '../auth/check-origin';
import { securityHeaders } from '../http/security-headers';
import { isAllowedHost, registerOriginsWhenListening } from '../http/wizard-origins';
import { bindSocketToSession, watchSocketSessions } from './socket-sessions';

/** The socket.io server typed by the wizard's event maps (lib/live/events.ts). */
export type WizardIo = Server<ClientToServerEvents, ServerToClientEvents>;
export type WizardSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

const globalIo = globalThis as unknown as { __kswIo?: WizardIo; __kswIoStop?: () => void };

export function getIo(): WizardIo | undefined {
  return globalIo.__kswIo;
}

type Admission = { session: SessionInfo } | { error: Error };

/** The session of a handshake, or why it is refused (no valid session, a foreign Host or Origin). */
export async function authenticateSocket(socket: Pick<Socket, 'handshake'>): Promise<Admission> {
  return authenticateHeaders(socket.handshake.headers);
}

async function authenticateHeaders(raw: IncomingHttpHeaders): Promise<Admission> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string') headers.set(k, v);
    else if (Array.isArray(v)) headers.set(k, v.join(', '));
  }
  const refused = { error: new Error('not logged in') };
  if (!isAllowedHost(headers.get('host'))) return refused;
  if (headers.get('origin') && !hasWizardOrigin(headers)) return refused;
  const session = await findSession(readSessionToken(headers.get('cookie')));
  return session ? { session } : refused;
}

export function attachIo(httpServer: HttpServer): WizardIo {
  registerOriginsWhenListening(httpServer);
  const io: WizardIo = new Server(httpServer, {
    transports: ['websocket', 'polling'],
    serveClient: false,
    // refuse at the engine.io handshake already, before any session id is handed out
    allowRequest: (req, callback) => {
      authenticateHeaders(req.headers).then(
        (admission) => callback('error' in admission ? admission.error.message : null, 'session' in admission),
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
      (admission) => {
        if ('error' in admission) return next(admission.error);
        bindSocketToSession(socket, admission.session.id);
        next();
      },
      () => next(new Error('not logged in')),
    );
  });
  globalIo.__kswIoStop = watchSocketSessions(io);
  globalIo.__kswIo = io;
  return io;
}

export async function closeIo(): Promise<void> {
  const io = globalIo.__kswIo;
  globalIo.__kswIoStop?.();
  globalIo.__kswIo = undefined;
  globalIo.__kswIoStop = undefined;
  if (io) await new Promise<void>((resolve) => io.close(() => resolve()));
}
