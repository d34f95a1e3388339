// POST /api/auth/login {password} -> 200 {ok:true} + session cookie + device cookie; 401 wrong;
// 422 no password or one over 1024 characters; 429 while throttled (server/auth/login-gate.ts).
import { loginInput } from '@/lib/api/auth-input';
import { deviceCookie } from '@/server/auth/device-cookie';
import { logIn } from '@/server/auth/log-in';
import { loginClientOf } from '@/server/auth/login-gate';
import { isHttpsRequest, sessionCookie } from '@/server/auth/session-cookie';
import { parseInput } from '@/server/http/parse-input';
import { reply, withApi } from '@/server/http/with-api';

export const dynamic = 'force-dynamic';

export const POST = withApi(
  'POST /api/auth/login',
  async ({ request, body }) => {
    const { password } = parseInput(loginInput, body);
    const client = loginClientOf(request);
    const token = await logIn(password, client);
    const secure = isHttpsRequest(request);
    return reply({ ok: true } as const, 200, { 'set-cookie': [sessionCookie(token, secure), deviceCookie(client.deviceId, secure)] });
  },
  { auth: false },
);
