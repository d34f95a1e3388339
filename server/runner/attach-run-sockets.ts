/**
 * The run page's live stream: topic "run" of the live-stream protocol (lib/live/protocol.ts,
 * server/realtime/live-streams.ts), keyed by run id. Items are the run's log lines (WireLine);
 * after the backfill the socket gets the run's current view as `run:state`, which the runner also
 * pushes to the room when the run changes (runner.ts).
 */
import type { WizardIo } from '../realtime/io';
import { seqOfWireLine, type WireLine } from '@/lib/live/wire-line';
import { getDb } from '../db';
import { attachLiveTopic, type LiveSource } from '../realtime/live-streams';
import { readLogPage, toWire } from './read-log';
import { STATE_EVENT } from './runner';
import { getRunView } from './run-view';

const runLog: LiveSource<WireLine> = {
  exists: async (runId) => (await getDb().run.count({ where: { id: runId } })) > 0,
  page: async (runId, afterSeq, limit) => (await readLogPage(runId, afterSeq, limit)).map(toWire),
  seqOf: seqOfWireLine,
  afterBackfill: async (socket, runId) => {
    socket.emit(STATE_EVENT, await getRunView(runId));
  },
};

export function attachRunSockets(io: WizardIo): void {
  attachLiveTopic(io, 'run', runLog);
}
