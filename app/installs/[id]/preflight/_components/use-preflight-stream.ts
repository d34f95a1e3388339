'use client';
/**
 * Live results of one preflight run over the live-stream protocol (components/live/use-live-stream.ts):
 * results arrive as batches in seq order, each once, at most once per animation frame; the run's
 * status as `preflight:status`.
 */
import { useLiveStream, type LiveStreamState } from '@/components/live/use-live-stream';
import type { RunStatus } from '@/server/preflight/types';
import type { PreflightResultEvent, PreflightStatusEvent } from '@/server/preflight/view';
import { PREFLIGHT_STATUS_EVENT } from '@/server/preflight/stream-events';

export interface StreamHandlers {
  onResults: (events: PreflightResultEvent[]) => void;
  onStatus: (status: RunStatus) => void;
}

export function usePreflightStream(runId: string | undefined, fromSeq: number, handlers: StreamHandlers): LiveStreamState {
  return useLiveStream<PreflightResultEvent>({
    topic: 'preflight',
    key: runId,
    afterSeq: fromSeq,
    seqOf: (e) => e.seq,
    onItems: (events) => handlers.onResults(events),
    listen: (socket) =>
      socket.on(PREFLIGHT_STATUS_EVENT, (e: PreflightStatusEvent) => {
        if (e.runId === runId) handlers.onStatus(e.status);
      }),
  });
}
