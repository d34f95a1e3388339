// GET /api/installs -> {installs:[{id,name,status,hosts,updatedAt}]}
// POST /api/installs {name, config?} -> 201 {id, ...install}
import { parseInput } from '@/server/http/parse-input';
import { reply, withApi } from '@/server/http/with-api';
import { createInstall } from '@/server/installs/create-install';
import { createInstallInput } from '@/lib/api/install-input';
import { listInstalls } from '@/server/installs/list-installs';

export const dynamic = 'force-dynamic';

export const GET = withApi('GET /api/installs', async () => ({ installs: await listInstalls() }), { auth: true });

export const POST = withApi('POST /api/installs', async ({ body }) => reply(await createInstall(parseInput(createInstallInput, body)), 201), { auth: true });
