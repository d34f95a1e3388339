// GET /api/installs/:id/preflight/latest -> the newest run (same shape as GET /api/preflight/:runId) or null.
import { withApi } from '@/server/http/with-api';
import { getLatestPreflight } from '@/server/preflight/get-preflight';

export const dynamic = 'force-dynamic';

export const GET = withApi('GET /api/installs/:id/preflight/latest', async ({ params }) => getLatestPreflight(params.id), { auth: true });
