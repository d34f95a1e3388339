// POST /api/auth/setup {token, password}: creates the admin once with the printed setup token,
// then logs the caller in (200 {ok:true} + session cookie).
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG } from '@/server/auth/password-length';
import { completeSetup, MIN_ADMIN_PASSWORD } from '@/server/auth/complete-setup';
import { createSession } from '@/server/auth/create-session';
import { deviceCookie } from '@/server/auth/device-cookie';
import { loginClientOf } from '@/server/auth/login-gate';
import { isHttpsRequest, sessionCookie } from '@/server/auth/session-cookie';
import { parseInput } from '@/server/http/parse-input';
import { reply, withApi } from '@/server/http/with-api';

export const dynamic = 'force-dynamic';

const setupInput = z.object({
  token: z.string().min(1, 'enter the setup token printed by the server').max(100, 'that is not a setup token (24 characters)'),
  password: z.string().min(MIN_ADMIN_PASSWORD, `the password needs at least ${MIN_ADMIN_PASSWORD} characters`).max(MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG),
});

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
