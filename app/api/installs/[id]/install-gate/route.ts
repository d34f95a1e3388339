// GET /api/installs/:id/install-gate -> the install gate as POST /api/installs/:id/runs would apply
//      it now (server/install-gate/: {ok, code, message, hostsChanged, loginChanged,
//      failing, warnings, ...}), warnings taken as not acknowledged. For the preflight page, which
//      cannot see on its own whether the hosts or their logins changed since the check.
import { withApi } from '@/server/http/with-api';
import { checkInstallGate } from '@/server/install-gate/check-install-gate';

export const dynamic = 'force-dynamic';

export const GET = withApi('GET /api/installs/:id/install-gate', async ({ params }) => checkInstallGate(params.id, false), { auth: true });
