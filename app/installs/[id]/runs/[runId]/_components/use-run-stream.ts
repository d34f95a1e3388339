'use client';
/**
 * Live run data over socket.io (websocket, falling back to HTTP long-polling): subscribes with the
 * last seq the page holds, so a (re)connect gets the backlog then live lines, each exactly once
 * (LineStore drops duplicates and orders by seq). A gap that persists for 2 s triggers a
 * re-subscribe from the last contiguous seq. The run view (`run:state`) replaces the page's copy.
 */
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { api } from '@/components/api';
import { LineStore, type WireLine } from '@/components/log-viewer/line-store';
import type { RunView } from '@/server/runner/run-view';

export interface RunStream {
  view: RunView | null;
  store: LineStore;
  version: number;
  connected: boolean;
  transport: string;
  error: string | null;
  reload: () => void;
}

export function useRunStream(runId: string): RunStream {
  const storeRef = useRef<LineStore>(new LineStore());
  const [view, setView] = useState<RunView | null>(null);
  const [version, setVersion] = useState(0);
  const [connected, setConnected] = useState(false);
  const [transport, setTransport] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let alive = true;
    void api<RunView>('GET', `/api/runs/${runId}`).then((r) => {
      if (!alive) return;
      if (r.ok) setView(r.data);
      else setError(r.message);
    });
    return () => {
      alive = false;
    };
  }, [runId, tick]);

  useEffect(() => {
    const store = storeRef.current;
    const socket: Socket = io({ transports: ['websocket', 'polling'], withCredentials: true });
    let gapTimer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    const subscribe = () => socket.emit('run:subscribe', { runId, afterSeq: store.nextSeq - 1 });
    socket.on('connect', () => {
      setConnected(true);
      setTransport(socket.io.engine.transport.name);
      socket.io.engine.on('upgrade', () => setTransport(socket.io.engine.transport.name));
      subscribe();
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('connect_error', (err) => setError(err.message));
    socket.on('run:lines', (payload: { runId: string; lines: WireLine[] }) => {
      if (payload.runId !== runId) return;
      if (store.add(payload.lines) > 0 && frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          setVersion(store.version);
        });
      }
      if (store.hasGap && !gapTimer) {
        gapTimer = setTimeout(() => {
          gapTimer = undefined;
          if (store.hasGap) subscribe();
        }, 2000);
      }
    });
    socket.on('run:state', (v: RunView | null) => {
      if (v && v.id === runId) setView(v);
    });
    socket.on('run:error', (e: { error: string }) => setError(e.error));
    return () => {
      if (gapTimer) clearTimeout(gapTimer);
      if (frame) cancelAnimationFrame(frame);
      socket.emit('run:unsubscribe', { runId });
      socket.close();
    };
  }, [runId]);

  return { view, store: storeRef.current, version, connected, transport, error, reload: () => setTick((t) => t + 1) };
}
