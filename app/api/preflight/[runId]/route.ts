// GET /api/preflight/:runId -> {runId, status: running|passed|warned|failed, hosts: [{name, status, checks:
//   [{id, title, status: pass|warn|fail, message, hint?, evidence?, durationMs, seq}]}], cluster: {status, checks}, lastSeq}
import { withApi } from '@/server/http/with-api';
import { getPreflightRun } from '@/server/preflight/get-preflight';

export const dynamic = 'force-dynamic';

export const GET = withApi('GET /api/preflight/:runId', async ({ params }) => getPreflightRun(params.runId), { auth: true });
