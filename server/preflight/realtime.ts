/**
 * socket.io side of preflight: a client sends `preflight:join {runId, afterSeq}`; the socket joins
 * room `preflight:<runId>` first, then the ack carries the backlog (results with seq > afterSeq)
 * and the run's status. Live `preflight:result` events that arrive before the ack are held by the
 * client and merged by seq (seq-merge.ts), so nothing is missed or applied twice.
 * Connections are already session-authenticated by server/realtime/io.ts.
 */
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import { MAX_SEQ } from '@/lib/seq';
import { getDb } from '../db';
import { resultsAfter } from './get-preflight';
import { roomOf } from './recorder';
import type { PreflightResultEvent } from './view';
import type { RunStatus } from './types';

const joinSchema = z.object({ runId: z.string().min(1).max(64), afterSeq: z.number().int().min(0).max(MAX_SEQ).default(0) });

export type JoinAck = { ok: true; status: RunStatus; results: PreflightResultEvent[] } | { ok: false; error: string };

export async function handleJoin(socket: Pick<Socket, 'join'>, payload: unknown): Promise<JoinAck> {
  const parsed = joinSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, error: `expected {runId, afterSeq} with afterSeq a whole number from 0 to ${MAX_SEQ}` };
  const { runId, afterSeq } = parsed.data;
  await socket.join(roomOf(runId));
  const run = await getDb().preflightRun.findUnique({ where: { id: runId }, select: { status: true } });
  if (!run) return { ok: false, error: `preflight run ${runId} not found` };
  const results = await resultsAfter(runId, afterSeq);
  const status = (['passed', 'warned', 'failed'].includes(run.status) ? run.status : 'running') as RunStatus;
  return { ok: true, status, results };
}

const globalRt = globalThis as unknown as { __kswPreflightRt?: WeakSet<Server> };

/** Registers the join/leave handlers on the io server (idempotent); called once by start-server. */
export function attachPreflightRealtime(io: Server): void {
  const done = (globalRt.__kswPreflightRt ??= new WeakSet());
  if (done.has(io)) return;
  done.add(io);
  const onSocket = (socket: Socket) => {
    socket.on('preflight:join', (payload: unknown, ack?: (a: JoinAck) => void) => {
      handleJoin(socket, payload).then(
        (a) => ack?.(a),
        () => ack?.({ ok: false, error: 'could not load the results' }),
      );
    });
    socket.on('preflight:leave', (payload: unknown) => {
      const runId = typeof payload === 'object' && payload !== null && 'runId' in payload ? String(payload.runId) : '';
      if (runId) void socket.leave(roomOf(runId));
    });
  };
  io.on('connection', onSocket);
  for (const socket of io.sockets.sockets.values()) onSocket(socket);
}
