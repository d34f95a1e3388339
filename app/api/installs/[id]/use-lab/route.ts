// POST /api/installs/:id/use-lab -> 200 the install (draft) with the lab hosts, profile 'lab', no LB;
//   409 {error} when the lab is down (says `npm run lab -- up --hosts 3`) or a run is installing.
import { withApi } from '@/server/http/with-api';
import { applyLabHosts } from '@/server/lab/apply-lab-hosts';

export const dynamic = 'force-dynamic';

export const POST = withApi('POST /api/installs/:id/use-lab', async ({ params }) => applyLabHosts(params.id), { auth: true });
