// POST /api/installs/:id/host-keys/trust {host} -> 200 the key, now trusted (a pending changed key becomes current).
import { z } from 'zod';
import { parseInput } from '@/server/http/parse-input';
import { jsonResponse, withApi } from '@/server/http/with-api';
import { trustHostKey } from '@/server/preflight/host-keys';

export const dynamic = 'force-dynamic';

const trustInput = z.object({ host: z.string().min(1) });

export const POST = withApi<{ id: string }>(
  async ({ params, body }) => jsonResponse(await trustHostKey(params.id, parseInput(trustInput, body).host)),
  { auth: true },
);
