/**
 * The live-stream protocol over real socket.io (both transports) against the real SQLite database:
 * the preflight topic with the real recorder. Joins are validated before any query, an unknown
 * stream is named, a mid-run join gets the backfill after afterSeq then live batches (one per
 * recorder write) and the status; SeqOrder applies each seq once.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { seedConfig } from '@/lib/config/fixtures';
import { LIVE_BATCH, LIVE_ERROR, LIVE_JOIN, type LiveBatch, type LiveError } from '@/lib/live/protocol';
import { SeqOrder } from '@/lib/live/seq-order';
import { createSession } from '../auth/create-session';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { getDb } from '../db';
import { loadEnv } from '../env';
import { registerWizardOrigins, wizardOrigins } from '../http/wizard-origins';
import { createInstall } from '../installs/create-install';
import { attachPreflightRealtime } from '../preflight/realtime';
import { RunRecorder } from '../preflight/recorder';
import type { CheckOutcome } from '../preflight/types';
import { PREFLIGHT_STATUS_EVENT, type PreflightResultEvent, type PreflightStatusEvent } from '../preflight/view';
import { useFreshDatabase } from '../test-support/fresh-db';
import { attachIo, closeIo } from './io';

useFreshDatabase();
const server = http.createServer();
let base = '';
let cookie = '';
beforeAll(async () => {
  attachPreflightRealtime(attachIo(server));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  registerWizardOrigins(wizardOrigins(loadEnv(), port));
  base = `http://127.0.0.1:${port}`;
  cookie = `${SESSION_COOKIE}=${await createSession()}`;
});
afterAll(async () => {
  await closeIo();
  server.close();
});

async function client(transport: 'websocket' | 'polling'): Promise<Socket> {
  const c = connect(base, { transports: [transport], extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    c.once('connect', () => resolve());
    c.once('connect_error', reject);
  });
  return c;
}

const outcome = (host: string, i: number): CheckOutcome => ({
  id: `check-${i}`,
  title: `Check ${i}`,
  host,
  status: i % 5 === 0 ? 'fail' : 'pass',
  message: `result ${i}`,
  durationMs: 1,
});

describe('live streams', () => {
  it('refuses a join with an afterSeq out of range, and names a stream that does not exist', async () => {
    const c = await client('websocket');
    const errors: LiveError[] = [];
    c.on(LIVE_ERROR, (e: LiveError) => errors.push(e));
    c.emit(LIVE_JOIN, { topic: 'preflight', key: 'r1', afterSeq: 1e23 });
    c.emit(LIVE_JOIN, { topic: 'preflight', key: 'no-such-run', afterSeq: 0 });
    for (let i = 0; i < 50 && errors.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    c.close();
    expect(errors).toEqual([
      { topic: 'preflight', key: 'r1', error: 'expected {topic, key, afterSeq} with afterSeq a whole number from 0 to 2147483647' },
      { topic: 'preflight', key: 'no-such-run', error: 'no preflight no-such-run' },
    ]);
  });

  it.each(['websocket', 'polling'] as const)(
    'a join mid-run gets the backfill after afterSeq, live batches and the status, each seq once (%s)',
    async (transport) => {
      const install = await createInstall({ name: `live-${transport}`, config: seedConfig() });
      const run = await getDb().preflightRun.create({ data: { installId: install.id, hostsJson: '[]' } });
      const recorder = new RunRecorder(run.id);
      for (let h = 0; h < 4; h++) await recorder.record(Array.from({ length: 17 }, (_, i) => outcome(`host${h}`, i)));

      const c = await client(transport);
      const order = new SeqOrder<PreflightResultEvent>((e) => e.seq, 10);
      const applied: number[] = [];
      let batches = 0;
      let status: PreflightStatusEvent | undefined;
      c.on(LIVE_BATCH, (b: LiveBatch<PreflightResultEvent>) => {
        if (b.topic !== 'preflight' || b.key !== run.id) return;
        batches += 1;
        applied.push(...order.add(b.items).map((e) => e.seq));
      });
      c.on(PREFLIGHT_STATUS_EVENT, (e: PreflightStatusEvent) => {
        status = e;
      });
      c.emit(LIVE_JOIN, { topic: 'preflight', key: run.id, afterSeq: 10 });
      for (let h = 4; h < 10; h++) await recorder.record(Array.from({ length: 17 }, (_, i) => outcome(`host${h}`, i)));
      await recorder.finish('failed');
      for (let i = 0; i < 100 && (applied.length < 160 || status?.status !== 'failed'); i++) await new Promise((r) => setTimeout(r, 20));
      c.close();
      expect(applied).toEqual(Array.from({ length: 160 }, (_, i) => i + 11));
      expect(order.hasGap).toBe(false);
      expect(status).toEqual({ runId: run.id, status: 'failed' });
      expect(batches).toBeLessThanOrEqual(1 + 6 + 6); // backfill page(s) plus at most one batch per write (live and overlap)
    },
  );
});
