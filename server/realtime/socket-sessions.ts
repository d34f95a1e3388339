/**
 * Keeps socket.io connections no longer than their session. Each socket is bound to the session it
 * was admitted with (`socket.data.sessionId`, room `session:<id>`), and is disconnected when:
 *   - the session is ended by logout or "log out everywhere" (announced by server/auth/session-events.ts);
 *   - it sends an event after its session expired (checked on every incoming event);
 *   - the periodic sweep finds its session expired (a page that only listens sends no events).
 * Disconnecting closes the engine.io connection too, so its session id is no longer answered.
 * An open page counts as use: the sweep slides the idle expiry of sessions with live sockets (never
 * past the absolute end).
 */
import type { Server, Socket } from 'socket.io';
import { findSessionById } from '../auth/find-session';
import { onSessionsEnded } from '../auth/session-events';

export const SESSION_SWEEP_MS = 30_000;

const roomOf = (sessionId: string) => `session:${sessionId}`;

export function sessionIdOfSocket(socket: Pick<Socket, 'data'>): string | undefined {
  const data: unknown = socket.data;
  if (typeof data !== 'object' || data === null || !('sessionId' in data)) return undefined;
  return typeof data.sessionId === 'string' ? data.sessionId : undefined;
}

/** Binds an admitted socket to its session (call from the namespace middleware). */
export function bindSocketToSession(socket: Socket, sessionId: string): void {
  socket.data = { ...(socket.data as object), sessionId };
  void socket.join(roomOf(sessionId));
}

function disconnectSession(io: Server, sessionId: string): void {
  io.in(roomOf(sessionId)).disconnectSockets(true);
}

/** Disconnects the sockets of every session that has ended; returns how many sessions that was. */
export async function sweepSocketSessions(io: Server, now = new Date()): Promise<number> {
  const ids = new Set<string>();
  for (const socket of io.of('/').sockets.values()) {
    const id = sessionIdOfSocket(socket);
    if (id !== undefined) ids.add(id);
  }
  let ended = 0;
  for (const id of ids) {
    if (await findSessionById(id, now)) continue;
    disconnectSession(io, id);
    ended += 1;
  }
  return ended;
}

/** Starts the watching; returns the function that stops it (closeIo). */
export function watchSocketSessions(io: Server, sweepMs = SESSION_SWEEP_MS): () => void {
  const stopListening = onSessionsEnded((ids) => {
    if (ids === 'all') io.disconnectSockets(true);
    else for (const id of ids) disconnectSession(io, id);
  });
  io.on('connection', (socket) => {
    socket.use((_packet, next) => {
      const id = sessionIdOfSocket(socket);
      const stillValid = id === undefined ? Promise.resolve(null) : findSessionById(id);
      stillValid.then(
        (session) => {
          if (session) return next();
          next(new Error('not logged in'));
          socket.disconnect(true);
        },
        () => next(new Error('not logged in')),
      );
    });
  });
  const timer = setInterval(() => {
    sweepSocketSessions(io).catch((err: unknown) => console.error('[io] session sweep failed:', err instanceof Error ? err.message : String(err)));
  }, sweepMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    stopListening();
  };
}
