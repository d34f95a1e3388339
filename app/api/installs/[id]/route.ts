// GET /api/installs/:id -> the install (secrets as {set}), with its rule errors and warnings.
// PUT /api/installs/:id {name?, step?, config, draft?} -> 200 install; 422 {errors,warnings} when the
//   shape is wrong, or when rules fail and draft !== true (then nothing is saved).
// DELETE /api/installs/:id -> 204.
import { parseInput } from '@/server/http/parse-input';
import { jsonResponse, withApi } from '@/server/http/with-api';
import { deleteInstall } from '@/server/installs/delete-install';
import { getInstall } from '@/server/installs/get-install';
import { updateInstallInput } from '@/lib/api/install-input';
import { updateInstall } from '@/server/installs/update-install';

export const dynamic = 'force-dynamic';

type Params = { id: string };

export const GET = withApi<Params>(async ({ params }) => jsonResponse(await getInstall(params.id)), { auth: true });

export const PUT = withApi<Params>(
  async ({ params, body }) => jsonResponse(await updateInstall(params.id, parseInput(updateInstallInput, body))),
  { auth: true },
);

export const DELETE = withApi<Params>(
  async ({ params }) => {
    await deleteInstall(params.id);
    return new Response(null, { status: 204 });
  },
  { auth: true },
);
