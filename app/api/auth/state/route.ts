// GET /api/auth/state -> {setupNeeded, loggedIn}: tells the UI whether to show /setup or /login.
import { getAuthState } from '@/server/auth/get-auth-state';
import { readSessionToken } from '@/server/auth/session-cookie';
import { withApi } from '@/server/http/with-api';

export const dynamic = 'force-dynamic';

export const GET = withApi('GET /api/auth/state', async ({ request }) => getAuthState(readSessionToken(request.headers.get('cookie'))), { auth: false });
