// GET /api/installs/:id/host-keys -> [{host, address, algorithm, fingerprint, state: new|trusted|changed, firstSeen, pendingFingerprint?}]
import { withApi } from '@/server/http/with-api';
import { listHostKeys } from '@/server/preflight/host-keys';

export const dynamic = 'force-dynamic';

export const GET = withApi('GET /api/installs/:id/host-keys', async ({ params }) => listHostKeys(params.id), { auth: true });
