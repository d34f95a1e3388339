// POST /api/auth/logout-everywhere -> 200 {ok:true, ended}: ends every session (every browser,
// including this one) and disconnects their live pages; clears this browser's cookie.
import { deleteAllSessions } from '@/server/auth/delete-session';
import { clearedSessionCookie, isHttpsRequest } from '@/server/auth/session-cookie';
import { reply, withApi } from '@/server/http/with-api';

export const dynamic = 'force-dynamic';

export const POST = withApi(
  'POST /api/auth/logout-everywhere',
  async ({ request }) => {
    const ended = await deleteAllSessions();
    return reply({ ok: true as const, ended }, 200, { 'set-cookie': clearedSessionCookie(isHttpsRequest(request)) });
  },
  { auth: true },
);
