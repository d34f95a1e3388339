// POST /api/auth/login {password} -> 200 {ok:true} + session cookie; 401 wrong; 429 while locked.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG } from '@/server/auth/password-length';
import { logIn } from '@/server/auth/log-in';
import { isHttpsRequest, sessionCookie } from '@/server/auth/session-cookie';
import { getClientAddress } from '@/server/http/client-address';
import { parseInput } from '@/server/http/parse-input';
import { jsonResponse, withApi } from '@/server/http/with-api';

export const dynamic = 'force-dynamic';

const loginInput = z.object({ password: z.string().min(1, 'enter the admin password').max(MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG) });

export const POST = withApi(
  async ({ request, body }) => {
    const { password } = parseInput(loginInput, body);
    const token = await logIn(password, getClientAddress(request));
    return jsonResponse({ ok: true }, 200, { 'set-cookie': sessionCookie(token, isHttpsRequest(request)) });
  },
  { auth: false },
);
