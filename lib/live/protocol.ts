/**
 * The one live-stream protocol of the wizard (socket.io), shared by server and browser.
 *
 *   client → `live:join`  { topic, key, afterSeq }   server → `live:batch` { topic, key, items, backfill? }
 *   client → `live:leave` { topic, key }             server → `live:error` { topic, key, error }
 *
 * A stream is a topic ("run": a run's log lines, "preflight": a preflight run's results) and a key
 * (the run id). Items carry a dense seq from 1. On join the server puts the socket in the stream's
 * room FIRST, then sends every stored item after `afterSeq` in pages, then the topic's current state
 * event; live items are emitted to the room only after they are stored, always as a batch. So every
 * seq > afterSeq reaches the client at least once, and the client (seq-order.ts) applies each once,
 * in order.
 */
import type { WireLine } from './wire-line';

export const LIVE_JOIN = 'live:join';
export const LIVE_LEAVE = 'live:leave';
export const LIVE_BATCH = 'live:batch';
export const LIVE_ERROR = 'live:error';

export const LIVE_TOPICS = ['run', 'preflight'] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

export interface LiveJoin {
  topic: LiveTopic;
  key: string;
  afterSeq: number;
}

export interface LiveBatch<T> {
  topic: LiveTopic;
  key: string;
  items: T[];
  /** Items read from storage for a join (as opposed to live ones). */
  backfill?: true;
}

export interface LiveError {
  topic: LiveTopic;
  key: string;
  error: string;
}

/** The socket.io room of one stream. */
export const liveRoom = (topic: LiveTopic, key: string): string => `${topic}:${key}`;

/** Items per backfill batch. */
export const BACKFILL_PAGE = 5000;

export type { WireLine };
