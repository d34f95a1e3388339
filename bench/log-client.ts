/**
 * The log benchmark's socket.io client, in a process of its own (bench/logs.ts forks it) so that,
 * as with a real browser, decoding and counting the lines is not charged to the server's event loop.
 * Messages from the parent: {connect: {url, cookie}}, then {subscribe: runId}, then {report: true};
 * it answers {connected: true} and finally the figures (receipt time is taken here, on receipt).
 */
import { io as connect, type Socket } from 'socket.io-client';
import { LIVE_BATCH, LIVE_JOIN, type LiveBatch } from '../lib/live/protocol';

import type { WireLine } from '../lib/live/wire-line';

const TRACE_BUCKET_MS = 250;
const latencies: number[] = [];
const maxLatencyPerBucket = new Map<number, number>();
let received = 0;
let firstCreated = Number.POSITIVE_INFINITY;
let lastReceipt = 0;
let lastSeq = 0;
let outOfOrderOrDuplicate = 0;
let socket: Socket | undefined;

function onLines(p: LiveBatch<WireLine>): void {
  const now = Date.now();
  for (const l of p.items) {
    if (l[0] !== lastSeq + 1) outOfOrderOrDuplicate += 1;
    lastSeq = Math.max(lastSeq, l[0]);
    if (!l[5].includes(' bench line ')) continue;
    received += 1;
    latencies.push(now - l[6]);
    const k = Math.floor(l[6] / TRACE_BUCKET_MS) * TRACE_BUCKET_MS;
    maxLatencyPerBucket.set(k, Math.max(maxLatencyPerBucket.get(k) ?? 0, now - l[6]));
    firstCreated = Math.min(firstCreated, l[6]);
    lastReceipt = now;
  }
}

process.on('message', (m: { connect?: { url: string; cookie: string }; subscribe?: string; report?: boolean }) => {
  if (m.connect) {
    socket = connect(m.connect.url, { transports: ['websocket', 'polling'], extraHeaders: { cookie: m.connect.cookie } });
    socket.on(LIVE_BATCH, onLines);
    socket.once('connect', () => process.send?.({ connected: true }));
    socket.once('connect_error', (e) => process.send?.({ error: e.message }));
  } else if (m.subscribe) {
    socket?.emit(LIVE_JOIN, { topic: 'run', key: m.subscribe, afterSeq: 0 });
  } else if (m.report) {
    latencies.sort((a, b) => a - b);
    process.send?.(
      { latencies, received, firstCreated, lastReceipt, outOfOrderOrDuplicate, maxLatencyPer250msOfCreation: [...maxLatencyPerBucket.values()].join(' ') },
      () => {
        socket?.close();
        process.exit(0);
      },
    );
  }
});
