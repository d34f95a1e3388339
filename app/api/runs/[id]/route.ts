// GET /api/runs/:id -> { id, installId, status, mode, parentRunId, error, lastSeq,
//   stages: [{ name, label, status, startedAt, finishedAt, error,
//              hosts: [{ name, status, ok, changed, failed, skipped, unreachable, error? }] }] }
// error = { task, msg, stderr, stdout, file, known?: { id, cause, fix } }; all text redacted.
import { NotFoundError } from '@/server/http/errors';
import { withApi } from '@/server/http/with-api';
import { getRunView } from '@/server/runner/run-view';

export const dynamic = 'force-dynamic';

export const GET = withApi(
  'GET /api/runs/:id',
  async ({ params }) => {
    const view = await getRunView(params.id);
    if (!view) throw new NotFoundError(`run ${params.id} not found`);
    return view;
  },
  { auth: true },
);
