/**
 * The preflight page's live stream: topic "preflight" of the live-stream protocol
 * (lib/live/protocol.ts, server/realtime/live-streams.ts), keyed by preflight run id. Items are
 * results (PreflightResultEvent, one batch per recorder write); after the backfill the socket gets
 * the run's status as `preflight:status`, which the recorder also emits when the run ends.
 */
import type { WizardIo } from '../realtime/io';
import { getDb } from '../db';
import { attachLiveTopic, type LiveSource } from '../realtime/live-streams';
import { resultsAfter } from './get-preflight';
import type { RunStatus } from './types';
import { PREFLIGHT_STATUS_EVENT, type PreflightResultEvent, type PreflightStatusEvent } from './view';

const preflightResults: LiveSource<PreflightResultEvent> = {
  exists: async (runId) => (await getDb().preflightRun.count({ where: { id: runId } })) > 0,
  page: (runId, afterSeq, limit) => resultsAfter(runId, afterSeq, limit),
  seqOf: (e) => e.seq,
  afterBackfill: async (socket, runId) => {
    const run = await getDb().preflightRun.findUnique({ where: { id: runId }, select: { status: true } });
    if (!run) return;
    const status = (['passed', 'warned', 'failed'].includes(run.status) ? run.status : 'running') as RunStatus;
    socket.emit(PREFLIGHT_STATUS_EVENT, { runId, status } satisfies PreflightStatusEvent);
  },
};

/** Serves the preflight stream on the io server (idempotent); called once by start-server. */
export function attachPreflightRealtime(io: WizardIo): void {
  attachLiveTopic(io, 'preflight', preflightResults);
}
