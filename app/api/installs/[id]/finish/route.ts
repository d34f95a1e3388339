// GET /api/installs/:id/finish -> the install's finish line (server/kubeconfig/finish-view.ts):
//      {installed, console, account, kubeconfig: {stored, from, at}, nextSteps}. 404 unknown install.
import { getFinishView } from '@/server/kubeconfig/finish-view';
import { withApi } from '@/server/http/with-api';

export const dynamic = 'force-dynamic';

export const GET = withApi('GET /api/installs/:id/finish', async ({ params }) => getFinishView(params.id), { auth: true });
