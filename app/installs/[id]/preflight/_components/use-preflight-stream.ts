'use client';
/**
 * Live results of one preflight run over socket.io. On every (re)connect: join the room with the
 * last applied seq; live events are held until the join's backlog arrived, then merged by seq
 * (SeqMerger), so a reconnect misses nothing and applies nothing twice.
 */
import { useEffect, useRef, useState } from 'react';
import { io } from 'socket.io-client';
import { SeqMerger } from '@/server/preflight/seq-merge';
import type { PreflightResultEvent, PreflightStatusEvent } from '@/server/preflight/view';
import type { RunStatus } from '@/server/preflight/types';

type JoinAck = { ok: true; status: RunStatus; results: PreflightResultEvent[] } | { ok: false; error: string };

export interface StreamHandlers {
  onResult: (e: PreflightResultEvent) => void;
  onStatus: (status: RunStatus) => void;
}

export function usePreflightStream(runId: string | undefined, fromSeq: number, handlers: StreamHandlers): { connected: boolean; error?: string } {
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string>();
  const handlersRef = useRef(handlers);
  const fromSeqRef = useRef(fromSeq);
  useEffect(() => {
    handlersRef.current = handlers;
    fromSeqRef.current = fromSeq;
  });

  useEffect(() => {
    if (!runId) return undefined;
    const merger = new SeqMerger<PreflightResultEvent>((e) => handlersRef.current.onResult(e), fromSeqRef.current);
    const socket = io({ transports: ['websocket', 'polling'] });
    socket.on('preflight:result', (e: PreflightResultEvent) => {
      if (e.runId === runId) merger.live(e);
    });
    socket.on('preflight:status', (e: PreflightStatusEvent) => {
      if (e.runId === runId) handlersRef.current.onStatus(e.status);
    });
    socket.on('connect', () => {
      setConnected(true);
      merger.resubscribe();
      socket.emit('preflight:join', { runId, afterSeq: merger.seq }, (ack: JoinAck) => {
        if (!ack.ok) {
          setError(ack.error);
          return;
        }
        setError(undefined);
        merger.backlog(ack.results);
        handlersRef.current.onStatus(ack.status);
      });
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('connect_error', (err: Error) => setError(`live updates unavailable: ${err.message}`));
    return () => {
      socket.emit('preflight:leave', { runId });
      socket.disconnect();
    };
  }, [runId]);

  return { connected, error };
}
