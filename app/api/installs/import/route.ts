// POST /api/installs/import {name, hostsIni, varsYml, installer?} -> 201 {id, ..., errors, warnings}
// (rule errors are allowed: the install is then a draft); 422 {errors:[{path:"hosts.ini:12",...}]}
// when the files themselves have error-severity problems (nothing saved).
import { parseInput } from '@/server/http/parse-input';
import { reply, withApi } from '@/server/http/with-api';
import { importInstall } from '@/server/installs/import-install';
import { importInstallInput } from '@/lib/api/install-input';

export const dynamic = 'force-dynamic';

export const POST = withApi('POST /api/installs/import', async ({ body }) => reply(await importInstall(parseInput(importInstallInput, body)), 201), {
  auth: true,
});
