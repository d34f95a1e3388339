// GET /api/health -> 200 {ok:true}: the only route that needs no session.
import { withApi } from '@/server/http/with-api';

export const dynamic = 'force-dynamic';

export const GET = withApi('GET /api/health', async () => ({ ok: true }) as const, { auth: false, anyHost: true });
