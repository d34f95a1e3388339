// GET /api/installs/:id/install-gate -> the install gate as POST /api/installs/:id/runs would apply
//      it now (server/install-gate/: {ok, code, message, hostsChanged, loginChanged,
//      failing, warnings, ...}), warnings taken as not acknowledged. For the preflight page, which
//      cannot see on its own whether the hosts or their logins changed since the check.
import { jsonResponse, withApi } from '@/server/http/with-api';
import { checkInstallGate } from '@/server/install-gate/check-install-gate';

export const dynamic = 'force-dynamic';

export const GET = withApi<{ id: string }>(async ({ params }) => jsonResponse(await checkInstallGate(params.id, false)), { auth: true });
