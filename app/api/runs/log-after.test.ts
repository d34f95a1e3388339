/** GET /api/runs/:id/log?after=SEQ validates SEQ (a sequence number the database can hold) with 400. */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/server/db';
import { adminCookie, callRoute } from '@/server/test-support/api-client';
import { useFreshDatabase } from '@/server/test-support/fresh-db';
import { MAX_SEQ } from '@/lib/seq';
import { GET as readLog } from './[id]/log/route';

useFreshDatabase();
let cookie = '';
let runId = '';

beforeAll(async () => {
  cookie = await adminCookie();
  const install = await getDb().install.create({ data: { name: 'log-after', configJson: '{}' } });
  const run = await getDb().run.create({ data: { installId: install.id, status: 'succeeded' } });
  runId = run.id;
  await getDb().logLine.create({ data: { runId, seq: 1, stage: 'init', text: 'hello' } });
});

const read = (after: string) => callRoute(readLog, { cookie, params: { id: runId }, path: `/api/runs/${runId}/log?after=${encodeURIComponent(after)}` });

describe('?after=', () => {
  it.each(['100000000000000000000000', '1e23', String(MAX_SEQ + 1), '-1', '1.5', 'x', ''])('%j is a 400 with a message', async (after) => {
    const res = await read(after);
    expect(res.status).toBe(400);
    expect((res.json as { error: string }).error).toMatch(/after must be a whole number/);
  });

  it('the largest sequence number is fine (nothing after it), 0 reads everything', async () => {
    expect((await read(String(MAX_SEQ))).text).toBe('');
    expect((await read('0')).text).toContain('"text":"hello"');
  });
});
