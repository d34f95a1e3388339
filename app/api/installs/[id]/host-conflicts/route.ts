// GET /api/installs/:id/host-conflicts -> {issues, knownHosts}: hosts of this install that are also
//     hosts of another install (warning when that one installed / is installing / failed / ran,
//     info while it is only a plan; lib/config/cross-install-hosts.ts), and the other installs'
//     hosts (name, address, port, ip, taskbox, install name/status/last run; no secret) so the
//     wizard can re-check while the operator types. 404 for an unknown id.
import { withApi } from '@/server/http/with-api';
import { findCrossInstallHosts } from '@/server/installs/find-cross-install-hosts';

export const dynamic = 'force-dynamic';

export const GET = withApi('GET /api/installs/:id/host-conflicts', async ({ params }) => findCrossInstallHosts(params.id), { auth: true });
