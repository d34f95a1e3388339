// GET /api/installs/:id/finish -> the install's finish line (server/kubeconfig/finish-view.ts):
//      {installed, console, account, kubeconfig: {stored, from, at}, nextSteps}. 404 unknown install.
import { getFinishView } from '@/server/kubeconfig/finish-view';
import { jsonResponse, withApi } from '@/server/http/with-api';

export const dynamic = 'force-dynamic';

export const GET = withApi<{ id: string }>(async ({ params }) => jsonResponse(await getFinishView(params.id)), { auth: true });
