// POST /api/installs/:id/host-keys/trust {host} -> 200 the key, now trusted (a pending changed key becomes current).
// POST /api/installs/:id/host-keys/trust {all: "new"} -> 200 {trusted: [host…], keys: [the keys as now]}:
//      every key in state "new" trusted at once; "changed" keys are never accepted this way.
import { z } from 'zod';
import { parseInput } from '@/server/http/parse-input';
import { jsonResponse, withApi } from '@/server/http/with-api';
import { trustHostKey, trustNewHostKeys } from '@/server/preflight/host-keys';

export const dynamic = 'force-dynamic';

const trustInput = z.union([z.object({ host: z.string().min(1) }).strict(), z.object({ all: z.literal('new') }).strict()], {
  error: 'send {host} to trust one key, or {all: "new"} to trust every new key',
});

export const POST = withApi<{ id: string }>(
  async ({ params, body }) => {
    const input = parseInput(trustInput, body);
    return jsonResponse('host' in input ? await trustHostKey(params.id, input.host) : await trustNewHostKeys(params.id));
  },
  { auth: true },
);
