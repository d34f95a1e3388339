/**
 * The server side of the live-stream protocol (lib/live/protocol.ts): one join handler per topic,
 * and one way to emit. Connections are already session-authenticated by io.ts.
 *
 * Invariants: a join is validated (key length, afterSeq within the column's range) before any
 * query; the socket joins the room BEFORE the backfill is read, so an item stored meanwhile is sent
 * live, by backfill, or both (never neither); the backfill goes in pages of BACKFILL_PAGE until a
 * page comes back empty; then `afterBackfill` sends the topic's current state to that socket.
 */
import { z } from 'zod';
import type { LiveItem, StateEvent, StatePayload, TopicBatch } from '@/lib/live/events';
import { BACKFILL_PAGE, LIVE_BATCH, LIVE_ERROR, LIVE_JOIN, LIVE_LEAVE, liveRoom, type LiveError, type LiveTopic } from '@/lib/live/protocol';
import { MAX_SEQ } from '@/lib/seq';
import { getIo, type WizardIo as Server, type WizardSocket as Socket } from './io';

export interface LiveSource<T> {
  /** False when there is no such stream (the client gets a live:error). */
  exists(key: string): Promise<boolean>;
  /** Stored items with seq > afterSeq, ascending, at most `limit`. */
  page(key: string, afterSeq: number, limit: number): Promise<T[]>;
  seqOf(item: T): number;
  /** Sends the stream's current state to a socket that just caught up (e.g. `run:state`). */
  afterBackfill?(socket: Socket, key: string): Promise<void>;
}

const joinInput = z.object({ topic: z.string(), key: z.string().min(1).max(64), afterSeq: z.number().int().min(0).max(MAX_SEQ) });
const leaveInput = z.object({ topic: z.string(), key: z.string().min(1).max(64) });

async function join<K extends LiveTopic>(socket: Socket, topic: K, source: LiveSource<LiveItem<K>>, key: string, afterSeq: number): Promise<void> {
  if (!(await source.exists(key))) {
    socket.emit(LIVE_ERROR, { topic, key, error: `no ${topic} ${key}` } satisfies LiveError);
    return;
  }
  await socket.join(liveRoom(topic, key));
  for (let cursor = afterSeq; ; ) {
    const items = await source.page(key, cursor, BACKFILL_PAGE);
    const last = items[items.length - 1];
    if (last === undefined) break;
    cursor = source.seqOf(last);
    socket.emit(LIVE_BATCH, batchOf(topic, key, items, true));
  }
  await source.afterBackfill?.(socket, key);
}

const globalStreams = globalThis as unknown as { __kswLiveTopics?: WeakMap<Server, Set<LiveTopic>> };

/** Serves `topic` on the io server (idempotent per server and topic). */
export function attachLiveTopic<K extends LiveTopic>(io: Server, topic: K, source: LiveSource<LiveItem<K>>): void {
  const attached = (globalStreams.__kswLiveTopics ??= new WeakMap());
  const topics = attached.get(io) ?? new Set<LiveTopic>();
  attached.set(io, topics);
  if (topics.has(topic)) return;
  topics.add(topic);
  io.on('connection', (socket) => {
    socket.on(LIVE_JOIN, (raw: unknown) => {
      const parsed = joinInput.safeParse(raw);
      if (!parsed.success) {
        const key = typeof (raw as { key?: unknown } | null)?.key === 'string' ? String((raw as { key: string }).key).slice(0, 64) : '';
        if ((raw as { topic?: unknown } | null)?.topic === topic)
          socket.emit(LIVE_ERROR, {
            topic,
            key,
            error: `expected {topic, key, afterSeq} with afterSeq a whole number from 0 to ${MAX_SEQ}`,
          } satisfies LiveError);
        return;
      }
      const { key, afterSeq } = parsed.data;
      if (parsed.data.topic !== topic) return;
      join(socket, topic, source, key, afterSeq).catch(() =>
        socket.emit(LIVE_ERROR, { topic, key, error: `joining the ${topic} stream failed; reload the page` } satisfies LiveError),
      );
    });
    socket.on(LIVE_LEAVE, (raw: unknown) => {
      const parsed = leaveInput.safeParse(raw);
      if (parsed.success && parsed.data.topic === topic) void socket.leave(liveRoom(topic, parsed.data.key));
    });
  });
}

/** Emits stored items to the stream's room as one batch. */
export function emitLive<K extends LiveTopic>(topic: K, key: string, items: LiveItem<K>[]): void {
  if (items.length === 0) return;
  getIo()
    ?.to(liveRoom(topic, key))
    .emit(LIVE_BATCH, batchOf(topic, key, items));
}

/** A batch of topic K (one of the LIVE_BATCH payload's members, lib/live/events.ts). */
function batchOf<K extends LiveTopic>(topic: K, key: string, items: LiveItem<K>[], backfill?: true): TopicBatch<'run'> | TopicBatch<'preflight'> {
  const batch: TopicBatch<K> = backfill ? { topic, key, items, backfill } : { topic, key, items };
  return batch as TopicBatch<'run'> | TopicBatch<'preflight'>;
}

/** Emits a non-sequenced event (a state) to the stream's room. */
export function emitToStream<E extends StateEvent>(topic: LiveTopic, key: string, event: E, payload: StatePayload<E>): void {
  const io = getIo();
  // one emit per state event: socket.io's typed emit cannot take the union of their payloads
  if (event === 'run:state') io?.to(liveRoom(topic, key)).emit('run:state', payload as StatePayload<'run:state'>);
  else io?.to(liveRoom(topic, key)).emit('preflight:status', payload as StatePayload<'preflight:status'>);
}
