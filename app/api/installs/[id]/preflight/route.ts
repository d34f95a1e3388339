// POST /api/installs/:id/preflight {hosts?: string[], trustNewKeys?: boolean} -> 202 {runId}. Checks all hosts,
// or the named ones. A host whose endpoint has no trusted key is only asked for its key (nothing is sent to
// it) unless `trustNewKeys` is true: the operator's explicit "Trust new keys" for this check.
// 404 unknown install, 409 a run is already going, 422 unknown host names / no hosts.
import { z } from 'zod';
import { parseInput } from '@/server/http/parse-input';
import { reply, withApi } from '@/server/http/with-api';
import { startPreflight } from '@/server/preflight/run-preflight';

export const dynamic = 'force-dynamic';

const startInput = z.object({ hosts: z.array(z.string().min(1)).max(500).optional(), trustNewKeys: z.boolean().optional() }).optional();

export const POST = withApi(
  'POST /api/installs/:id/preflight',
  async ({ params, body }) => {
    const input = parseInput(startInput, body);
    const runId = await startPreflight(params.id, { hosts: input?.hosts, trustNewKeys: input?.trustNewKeys === true });
    return reply({ runId }, 202);
  },
  { auth: true },
);
