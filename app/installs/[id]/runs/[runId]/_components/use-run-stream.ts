'use client';
/**
 * Live run data: the run's log lines over the live-stream protocol (components/live/use-live-stream.ts)
 * into the page's LineStore, and the run view (`run:state`, pushed on change) replacing the page's copy.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '@/components/api';
import { useLiveStream } from '@/components/live/use-live-stream';
import { LineStore } from '@/components/log-viewer/line-store';
import { RUN_STATE_EVENT } from '@/lib/live/events';
import { seqOfWireLine } from '@/lib/live/wire-line';
import type { RunView } from '@/lib/api/runs';

export interface RunStream {
  view: RunView | null;
  store: LineStore;
  version: number;
  connected: boolean;
  transport: string;
  error: string | null;
  reload: () => void;
}

/** `initialView`: the run as the server rendered it; fetched again on arrival (a page restored by Back may be older). */
export function useRunStream(runId: string, initialView: RunView | null): RunStream {
  const storeRef = useRef<LineStore>(new LineStore());
  const [view, setView] = useState<RunView | null>(initialView);
  const [version, setVersion] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let alive = true;
    void api('GET /api/runs/:id', { params: { id: runId } }).then((r) => {
      if (!alive) return;
      if (r.ok) setView(r.data);
      else setLoadError(r.message);
    });
    return () => {
      alive = false;
    };
  }, [runId, tick]);

  const stream = useLiveStream({
    topic: 'run',
    key: runId,
    afterSeq: storeRef.current.nextSeq - 1,
    seqOf: seqOfWireLine,
    onItems: (lines) => {
      if (storeRef.current.add(lines) > 0) setVersion(storeRef.current.version);
    },
    listen: (socket) =>
      socket.on(RUN_STATE_EVENT, (v) => {
        if (v && v.id === runId) setView(v);
      }),
  });

  return {
    view,
    store: storeRef.current,
    version,
    connected: stream.connected,
    transport: stream.transport,
    error: loadError ?? stream.error ?? null,
    reload: () => setTick((t) => t + 1),
  };
}
