'use client';
/**
 * The browser side of the live-stream protocol (lib/live/protocol.ts): one socket per stream.
 * On every (re)connect it joins with the last seq it applied; batches go through SeqOrder (each seq
 * once, in order) and reach `onItems` at most once per animation frame, so a burst of batches is one
 * render. A gap that persists for GAP_REJOIN_MS re-joins from the last applied seq.
 * `listen` registers the topic's state events (run:state, preflight:status) on the same socket.
 */
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveItem, ServerToClientEvents } from '@/lib/live/events';
import { LIVE_BATCH, LIVE_ERROR, LIVE_JOIN, LIVE_LEAVE, type LiveTopic } from '@/lib/live/protocol';
import { SeqOrder } from '@/lib/live/seq-order';

const GAP_REJOIN_MS = 2000;

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface LiveStreamOptions<K extends LiveTopic> {
  topic: K;
  /** The stream's key; no socket while undefined. */
  key: string | undefined;
  /** The seq the page already holds when the stream (re)starts. */
  afterSeq: number;
  seqOf: (item: LiveItem<K>) => number;
  onItems: (items: LiveItem<K>[]) => void;
  listen?: (socket: LiveSocket) => void;
}

export interface LiveStreamState {
  connected: boolean;
  transport: string;
  error: string | undefined;
}

export function useLiveStream<K extends LiveTopic>(opts: LiveStreamOptions<K>): LiveStreamState {
  const [connected, setConnected] = useState(false);
  const [transport, setTransport] = useState('');
  const [error, setError] = useState<string>();
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });
  const { topic, key } = opts;

  useEffect(() => {
    if (!key) return undefined;
    const order = new SeqOrder<LiveItem<K>>((item) => latest.current.seqOf(item), latest.current.afterSeq);
    const socket: LiveSocket = io({ transports: ['websocket', 'polling'], withCredentials: true });
    let pending: LiveItem<K>[] = [];
    let frame = 0;
    let gapTimer: ReturnType<typeof setTimeout> | undefined;
    const join = () => socket.emit(LIVE_JOIN, { topic, key, afterSeq: order.lastSeq });
    const deliver = () => {
      frame = 0;
      const items = pending;
      pending = [];
      if (items.length > 0) latest.current.onItems(items);
    };
    socket.on('connect', () => {
      setConnected(true);
      setTransport(socket.io.engine.transport.name);
      socket.io.engine.on('upgrade', () => setTransport(socket.io.engine.transport.name));
      join();
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('connect_error', (err: Error) => setError(`live updates unavailable: ${err.message}`));
    socket.on(LIVE_ERROR, (e) => {
      if (e.topic === topic && e.key === key) setError(e.error);
    });
    socket.on(LIVE_BATCH, (b) => {
      if (b.topic !== topic || b.key !== key) return;
      setError(undefined);
      // the topic names the items' type (lib/live/events.ts): this batch is K's
      const released = order.add(b.items as LiveItem<K>[]);
      if (released.length > 0) {
        pending = pending.length === 0 ? released : pending.concat(released);
        if (frame === 0) frame = requestAnimationFrame(deliver);
      }
      if (order.hasGap && !gapTimer) {
        gapTimer = setTimeout(() => {
          gapTimer = undefined;
          if (order.hasGap) join();
        }, GAP_REJOIN_MS);
      }
    });
    latest.current.listen?.(socket);
    return () => {
      if (gapTimer) clearTimeout(gapTimer);
      if (frame) cancelAnimationFrame(frame);
      deliver();
      socket.emit(LIVE_LEAVE, { topic, key });
      socket.close();
    };
  }, [topic, key]);

  return { connected, transport, error };
}
