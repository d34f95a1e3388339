// POST /api/auth/logout -> 200 {ok:true}: ends the session (if any) and clears the cookie.
import { deleteSession } from '@/server/auth/delete-session';
import { clearedSessionCookie, isHttpsRequest, readSessionToken } from '@/server/auth/session-cookie';
import { jsonResponse, withApi } from '@/server/http/with-api';

export const dynamic = 'force-dynamic';

export const POST = withApi(
  async ({ request }) => {
    await deleteSession(readSessionToken(request.headers.get('cookie')));
    return jsonResponse({ ok: true }, 200, { 'set-cookie': clearedSessionCookie(isHttpsRequest(request)) });
  },
  { auth: false },
);
