// GET /api/installs/:id/kubeconfig -> the cluster's admin kubeconfig as a download (no-store), read
//      from the first master when none is stored yet (server/kubeconfig/download-kubeconfig.ts).
//      404 unknown install, 409 not installed, 502 the master could not give it.
import { downloadKubeconfig } from '@/server/kubeconfig/download-kubeconfig';
import { withApi } from '@/server/http/with-api';

export const dynamic = 'force-dynamic';

export const GET = withApi(
  'GET /api/installs/:id/kubeconfig',
  async ({ params }) => {
    const { text, fileName } = await downloadKubeconfig(params.id);
    return new Response(text, {
      status: 200,
      headers: { 'content-type': 'application/yaml; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' },
    });
  },
  { auth: true },
);
