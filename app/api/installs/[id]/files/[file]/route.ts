// GET /api/installs/:id/files/hosts.ini | vars.yml -> text/plain attachment, secrets as placeholders;
// 422 {errors,warnings} while the config breaks rules; 404 for an unknown id or file name.
import { NotFoundError } from '@/server/http/errors';
import { withApi } from '@/server/http/with-api';
import { isInstallFile, renderInstallFile } from '@/server/installs/render-install-files';

export const dynamic = 'force-dynamic';

export const GET = withApi(
  'GET /api/installs/:id/files/:file',
  async ({ params }) => {
    if (!isInstallFile(params.file)) throw new NotFoundError(`no file ${params.file}: use hosts.ini or vars.yml`);
    const text = await renderInstallFile(params.id, params.file);
    return new Response(text, {
      status: 200,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': `attachment; filename="${params.file}"`,
        'cache-control': 'no-store',
      },
    });
  },
  { auth: true },
);
