// GET /api/installs/:id -> the install (secrets as {set}), with its rule errors and warnings.
// PUT /api/installs/:id {name?, step?, config, draft?} -> 200 install; 422 {errors,warnings} when the
//   shape is wrong, or when rules fail and draft !== true (then nothing is saved).
// DELETE /api/installs/:id -> 204.
import { parseInput } from '@/server/http/parse-input';
import { reply, withApi } from '@/server/http/with-api';
import { deleteInstall } from '@/server/installs/delete-install';
import { getInstall } from '@/server/installs/get-install';
import { updateInstallInput } from '@/lib/api/install-input';
import { updateInstall } from '@/server/installs/update-install';

export const dynamic = 'force-dynamic';

export const GET = withApi('GET /api/installs/:id', async ({ params }) => getInstall(params.id), { auth: true });

export const PUT = withApi('PUT /api/installs/:id', async ({ params, body }) => updateInstall(params.id, parseInput(updateInstallInput, body)), { auth: true });

export const DELETE = withApi(
  'DELETE /api/installs/:id',
  async ({ params }) => {
    await deleteInstall(params.id);
    return reply(null, 204);
  },
  { auth: true },
);
