// GET /api/health -> 200 {ok:true}: the only route that needs no session.
import { jsonResponse, withApi } from '@/server/http/with-api';

export const dynamic = 'force-dynamic';

export const GET = withApi(async () => jsonResponse({ ok: true }), { auth: false, anyHost: true });
