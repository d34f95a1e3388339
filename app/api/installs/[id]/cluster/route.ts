// GET /api/installs/:id/cluster[?certificates=1] -> { nodes:[{name, address, roles, state, stateNote, joined, lastOperation}],
//      operations:[{runId, operation, mode, status, parentRunId, targets, createdAt, finishedAt}] (newest first),
//      highRisk, addNodesEffect, uninstallDeletes, cleanByHand, certificates }
//      certificates (only with ?certificates=1: it logs in to every master over SSH, pinned to the trusted keys):
//      [{host, status: ok|warn|expired|unknown, notAfter, daysLeft, message}], `warn` 30 days before expiry.
import { withApi } from '@/server/http/with-api';
import { getClusterView } from '@/server/operations/get-cluster-view';

export const dynamic = 'force-dynamic';

export const GET = withApi(
  'GET /api/installs/:id/cluster',
  async ({ params, request }) => {
    const certificates = new URL(request.url).searchParams.get('certificates') === '1';
    return getClusterView(params.id, { certificates });
  },
  { auth: true },
);
