// Keys belong to an endpoint: `address` ("address:port", as the list shows it) names the key shown; without
// it, the endpoint the host points at now.
// POST /api/installs/:id/host-keys/trust {host, fingerprint, address?} -> 200 the key, now trusted (a pending changed
//      key becomes current). `fingerprint` is the one the operator was shown: the key's, or for a changed
//      key the one it now presents. 409 when the key is no longer that one; 404 when none is recorded.
// POST /api/installs/:id/host-keys/trust {keys: [{host, fingerprint}, …]} -> 200 {trusted: [host…],
//      skipped: [{host, fingerprint, reason: changed-since-shown|not-new|unknown-host, state?,
//      currentFingerprint?}], keys: [the keys as now]}: "Trust all new keys" for the keys shown. Only
//      a key still "new" with the fingerprint sent is trusted; keys not sent are never touched, and
//      "changed" keys are never accepted this way.
import { z } from 'zod';
import { parseInput } from '@/server/http/parse-input';
import { withApi } from '@/server/http/with-api';
import { trustHostKey, trustNewHostKeys } from '@/server/preflight/host-keys';

export const dynamic = 'force-dynamic';

const shownKey = z
  .object({
    host: z.string().min(1, 'send the host name').max(253),
    fingerprint: z.string().min(1, 'send the fingerprint that was shown').max(200),
    address: z.string().min(1).max(300).optional(),
  })
  .strict();
const trustInput = z.union([shownKey, z.object({ keys: z.array(shownKey).min(1, 'send the new keys that were shown').max(500) }).strict()], {
  error: 'send {host, fingerprint} to trust one key, or {keys: [{host, fingerprint}, …]} to trust the new keys shown',
});

export const POST = withApi(
  'POST /api/installs/:id/host-keys/trust',
  async ({ params, body }) => {
    const input = parseInput(trustInput, body);
    return 'keys' in input ? trustNewHostKeys(params.id, input.keys) : trustHostKey(params.id, input.host, input.fingerprint, input.address);
  },
  { auth: true },
);
