// GET /api/lab -> {up, hosts:[{name, address, up}]}: the local lab (`npm run lab -- up`), never its password.
import { withApi } from '@/server/http/with-api';
import { readLab } from '@/server/lab/read-lab';

export const dynamic = 'force-dynamic';

export const GET = withApi(
  'GET /api/lab',
  async () => {
    const lab = await readLab();
    return { up: lab.up, hosts: lab.hosts.map(({ name, address, up }) => ({ name, address, up })) };
  },
  { auth: true },
);
