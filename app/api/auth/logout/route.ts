// POST /api/auth/logout -> 200 {ok:true}: ends the session (if any) and clears the cookie.
import { deleteSession } from '@/server/auth/delete-session';
import { clearedSessionCookie, isHttpsRequest, readSessionToken } from '@/server/auth/session-cookie';
import { reply, withApi } from '@/server/http/with-api';

export const dynamic = 'force-dynamic';

export const POST = withApi(
  'POST /api/auth/logout',
  async ({ request }) => {
    await deleteSession(readSessionToken(request.headers.get('cookie')));
    return reply({ ok: true } as const, 200, { 'set-cookie': clearedSessionCookie(isHttpsRequest(request)) });
  },
  { auth: false },
);
