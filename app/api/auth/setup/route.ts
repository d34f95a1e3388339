// POST /api/auth/setup {token, password}: creates the admin once with the printed setup token,
// then logs the caller in (200 {ok:true} + session cookie).
import { setupInput } from '@/lib/api/auth-input';
import { completeSetup } from '@/server/auth/complete-setup';
import { createSession } from '@/server/auth/create-session';
import { deviceCookie } from '@/server/auth/device-cookie';
import { loginClientOf } from '@/server/auth/login-gate';
import { isHttpsRequest, sessionCookie } from '@/server/auth/session-cookie';
import { parseInput } from '@/server/http/parse-input';
import { reply, withApi } from '@/server/http/with-api';

export const dynamic = 'force-dynamic';

export const POST = withApi(
  'POST /api/auth/setup',
  async ({ request, body }) => {
    const input = parseInput(setupInput, body);
    const client = loginClientOf(request);
    await completeSetup(input, client);
    const token = await createSession();
    const secure = isHttpsRequest(request);
    return reply({ ok: true } as const, 200, { 'set-cookie': [sessionCookie(token, secure), deviceCookie(client.deviceId, secure)] });
  },
  { auth: false },
);
