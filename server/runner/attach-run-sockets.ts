/**
 * Socket.io protocol of the run page (connections are already session-authenticated by
 * server/realtime/io.ts):
 *   client → `run:subscribe` { runId, afterSeq }   server → `run:lines` { runId, lines: WireLine[] }
 *   client → `run:unsubscribe` { runId }           server → `run:state` RunView
 *
 * No gap, no duplicate: the socket joins the room FIRST, then backfills every committed line after
 * `afterSeq` from the DB, page by page until none is left. Lines are emitted to the room only after
 * they are committed, so every seq > afterSeq reaches the client at least once (backfill or live);
 * live lines may arrive before the backfill pages that precede them, so the client
 * (components/log-viewer/line-store.ts) orders by seq and drops every seq it already holds.
 */
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import { MAX_SEQ } from '@/lib/seq';
import { LINES_EVENT, RUN_ROOM } from './log-writer';
import { readLogPage, toWire } from './read-log';
import { STATE_EVENT } from './runner';
import { getRunView } from './run-view';

const subscribeInput = z.object({ runId: z.string().min(1).max(64), afterSeq: z.number().int().min(0).max(MAX_SEQ) });

async function subscribe(socket: Socket, runId: string, afterSeq: number): Promise<void> {
  const view = await getRunView(runId);
  if (!view) {
    socket.emit('run:error', { runId, error: 'run not found' });
    return;
  }
  await socket.join(RUN_ROOM(runId));
  let cursor = afterSeq;
  for (;;) {
    const rows = await readLogPage(runId, cursor, 5000);
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]?.seq ?? cursor;
    socket.emit(LINES_EVENT, { runId, lines: rows.map(toWire), backfill: true });
  }
  socket.emit(STATE_EVENT, await getRunView(runId));
}

export function attachRunSockets(io: Server): void {
  io.on('connection', (socket) => {
    socket.on('run:subscribe', (raw: unknown) => {
      const parsed = subscribeInput.safeParse(raw);
      if (!parsed.success) return;
      subscribe(socket, parsed.data.runId, parsed.data.afterSeq).catch(() => socket.emit('run:error', { runId: parsed.data.runId, error: 'subscribe failed' }));
    });
    socket.on('run:unsubscribe', (raw: unknown) => {
      const parsed = z.object({ runId: z.string().min(1).max(64) }).safeParse(raw);
      if (parsed.success) void socket.leave(RUN_ROOM(parsed.data.runId));
    });
  });
}
