/**
 * "These sessions have ended" (logout, log out everywhere, expiry noticed), for whoever holds
 * something open on a session's behalf: the socket.io server disconnects that session's sockets
 * (server/realtime/io.ts). On globalThis: route handlers (Next's bundles) announce, the custom
 * server's socket.io listens, and both must reach the same emitter.
 */
import { EventEmitter } from 'node:events';

export type EndedSessions = readonly string[] | 'all';

const globalEvents = globalThis as unknown as { __kswSessionEvents?: EventEmitter };
const events = (globalEvents.__kswSessionEvents ??= new EventEmitter());

export function announceSessionsEnded(ids: EndedSessions): void {
  if (ids !== 'all' && ids.length === 0) return;
  events.emit('ended', ids);
}

/** Calls `listener` for every announcement; returns the function that stops it. */
export function onSessionsEnded(listener: (ids: EndedSessions) => void): () => void {
  events.on('ended', listener);
  return () => events.off('ended', listener);
}
