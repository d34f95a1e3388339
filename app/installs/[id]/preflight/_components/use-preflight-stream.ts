'use client';
/**
 * Live results of one preflight run over the live-stream protocol (components/live/use-live-stream.ts):
 * results arrive as batches in seq order, each once, at most once per animation frame; the run's
 * status as `preflight:status`.
 */
import { useLiveStream, type LiveStreamState } from '@/components/live/use-live-stream';
import type { PreflightResultEvent, PreflightStatus } from '@/lib/api/preflight';
import { PREFLIGHT_STATUS_EVENT } from '@/lib/live/events';

export interface StreamHandlers {
  onResults: (events: PreflightResultEvent[]) => void;
  onStatus: (status: PreflightStatus) => void;
}

export function usePreflightStream(runId: string | undefined, fromSeq: number, handlers: StreamHandlers): LiveStreamState {
  return useLiveStream({
    topic: 'preflight',
    key: runId,
    afterSeq: fromSeq,
    seqOf: (e) => e.seq,
    onItems: (events) => handlers.onResults(events),
    listen: (socket) =>
      socket.on(PREFLIGHT_STATUS_EVENT, (e) => {
        if (e.runId === runId) handlers.onStatus(e.status);
      }),
  });
}
