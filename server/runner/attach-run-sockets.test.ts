/**
 * The run topic of the live-stream protocol over HTTP long-polling only (the proxy-blocks-WebSocket
 * fallback): a client that joins mid-stream with `afterSeq` receives every later line exactly once,
 * in order after SeqOrder, while the writer keeps committing and emitting live lines.
 */
import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { LabHostState, LabState } from '@/lab/state';
import { LineStore } from '@/components/log-viewer/line-store';
import { LIVE_BATCH, LIVE_JOIN, type LiveBatch } from '@/lib/live/protocol';
import { SeqOrder } from '@/lib/live/seq-order';
import { seqOfWireLine, type WireLine } from '@/lib/live/wire-line';
import { getDb } from '../db';
import { createSession } from '../auth/create-session';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { attachIo, closeIo } from '../realtime/io';
import { loadEnv } from '../env';
import { registerWizardOrigins, wizardOrigins } from '../http/wizard-origins';
import { attachRunSockets } from './attach-run-sockets';
import { createRun } from './create-run';
import { getRunner } from './runner';
import { createLabInstall } from './test-support/lab-install';

const server = http.createServer();
afterAll(async () => {
  await closeIo();
  server.close();
});

describe('run live stream', () => {
  it('backfills after afterSeq then streams live lines, no gap and no duplicate (polling transport)', async () => {
    attachRunSockets(attachIo(server));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    registerWizardOrigins(wizardOrigins(loadEnv(), port)); // as start-server does once it listens
    const cookie = `${SESSION_COOKIE}=${await createSession()}`;
    const hosts = [1, 2, 3].map((i) => ({ name: `sock${i}`, address: `127.0.2.${i}`, port: 22 }) as LabHostState);
    const installId = await createLabInstall({ user: 'kswlab', password: 'Sock-Secret-1' } as LabState, hosts, 'sockets');
    const runId = await createRun(installId, { stages: ['write-config'] });
    await getRunner().settled(runId);
    const stage = await getDb().stage.findFirstOrThrow({ where: { runId } });
    const writer = getRunner().writer;
    const live = async (n: number) => {
      for (let b = 0; b < n; b++) {
        writer.enqueue({
          runId,
          stageId: stage.id,
          stage: stage.name,
          lines: Array.from({ length: 50 }, (_, i) => ({ host: 'sock1', kind: 'line' as const, failed: false, text: `live ${b}-${i}`, t: Date.now() })),
          counts: new Map(),
          errors: new Map(),
        });
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    await live(10);
    await writer.drain();

    const client = connect(`http://127.0.0.1:${port}`, { transports: ['polling'], extraHeaders: { cookie } });
    const store = new LineStore(2);
    const order = new SeqOrder(seqOfWireLine, 2);
    const seen: number[] = [];
    client.on(LIVE_BATCH, (p: LiveBatch<WireLine>) => {
      if (p.topic !== 'run' || p.key !== runId) return;
      for (const l of p.items) seen.push(l[0]);
      store.add(order.add(p.items));
    });
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('connect_error', reject);
    });
    expect(client.io.engine.transport.name).toBe('polling');
    client.emit(LIVE_JOIN, { topic: 'run', key: runId, afterSeq: 2 });
    await live(20);
    await writer.drain();
    const max = (await getDb().logLine.aggregate({ where: { runId }, _max: { seq: true } }))._max.seq ?? 0;
    for (let i = 0; i < 100 && store.nextSeq <= max; i++) await new Promise((r) => setTimeout(r, 50));
    client.close();
    expect(max).toBeGreaterThan(1000);
    expect(store.nextSeq).toBe(max + 1);
    expect(order.hasGap).toBe(false);
    expect(Math.min(...seen)).toBe(3);
    const rows = await getDb().logLine.findMany({ where: { runId, seq: { gt: 2 } }, orderBy: { seq: 'asc' }, select: { text: true } });
    expect(store.texts).toEqual(rows.map((r) => r.text));
  });
});
