/**
 * The socket.io event maps of the wizard (typed for `Server` in server/realtime/io.ts and for the
 * browser's socket in components/live/use-live-stream.ts): the live-stream protocol's messages
 * (protocol.ts) and each topic's items and state event. A payload's type is declared here once.
 */
import type { PreflightResultEvent, PreflightStatusEvent } from '@/lib/api/preflight';
import type { RunView } from '@/lib/api/runs';
import { LIVE_BATCH, LIVE_ERROR, LIVE_JOIN, LIVE_LEAVE, type LiveBatch, type LiveError, type LiveJoin, type LiveTopic } from './protocol';
import type { WireLine } from './wire-line';

/** Sent to a run's stream when the run changes, and to a socket that joined (after its backfill); null for a run that is gone. */
export const RUN_STATE_EVENT = 'run:state';
/** Sent to a preflight stream's room when the run ends, and to a socket that joined (after its backfill). */
export const PREFLIGHT_STATUS_EVENT = 'preflight:status';

/** Each topic's items (each with a seq) and its state event. */
export interface LiveTopics {
  run: { item: WireLine; stateEvent: typeof RUN_STATE_EVENT };
  preflight: { item: PreflightResultEvent; stateEvent: typeof PREFLIGHT_STATUS_EVENT };
}
export type LiveItem<K extends LiveTopic> = LiveTopics[K]['item'];
export type TopicBatch<K extends LiveTopic> = LiveBatch<LiveItem<K>> & { topic: K };

export interface ServerToClientEvents {
  [LIVE_BATCH]: (batch: TopicBatch<'run'> | TopicBatch<'preflight'>) => void;
  [LIVE_ERROR]: (error: LiveError) => void;
  [RUN_STATE_EVENT]: (view: RunView | null) => void;
  [PREFLIGHT_STATUS_EVENT]: (event: PreflightStatusEvent) => void;
}

/** What a client may send; the server still validates every payload (live-streams.ts). */
export interface ClientToServerEvents {
  [LIVE_JOIN]: (join: LiveJoin) => void;
  [LIVE_LEAVE]: (leave: Omit<LiveJoin, 'afterSeq'>) => void;
}

export type StateEvent = LiveTopics[LiveTopic]['stateEvent'];
export type StatePayload<E extends StateEvent> = Parameters<ServerToClientEvents[E]>[0];
