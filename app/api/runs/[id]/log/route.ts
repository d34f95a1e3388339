// GET /api/runs/:id/log?after=SEQ -> NDJSON, one { seq, stage, host?, kind, failed, text, at } per
// line, streamed from the DB in pages. `?download=1` adds a Content-Disposition for saving.
import { getDb } from '@/server/db';
import { HttpError, NotFoundError } from '@/server/http/errors';
import { withApi } from '@/server/http/with-api';
import { streamLogNdjson } from '@/server/runner/read-log';
import { MAX_SEQ, parseSeq } from '@/lib/seq';

export const dynamic = 'force-dynamic';

export const GET = withApi(
  'GET /api/runs/:id/log',
  async ({ params, request }) => {
    const url = new URL(request.url);
    const after = parseSeq(url.searchParams.get('after') ?? '0');
    if (after === undefined) throw new HttpError(400, `after must be a whole number from 0 to ${MAX_SEQ} (a sequence number)`);
    const run = await getDb().run.findUnique({ where: { id: params.id }, select: { id: true } });
    if (!run) throw new NotFoundError(`run ${params.id} not found`);
    const headers: Record<string, string> = { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' };
    if (url.searchParams.get('download') === '1') headers['content-disposition'] = `attachment; filename="run-${run.id}.ndjson"`;
    return new Response(streamLogNdjson(run.id, after), { status: 200, headers });
  },
  { auth: true },
);
