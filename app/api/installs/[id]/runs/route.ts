// GET  /api/installs/:id/runs -> [{ id, status, mode, parentRunId, createdAt, finishedAt, error, stages:[{name,status}] }]
//      newest first; parentRunId links each retry to the run it continues (the chain).
// POST /api/installs/:id/runs { stages?, hosts?, extraVars?, acknowledgeWarnings? } -> 202 { runId }
//      a full install, behind the install gate (server/install-gate/):
//      409 { error, gate } unless the latest preflight finished, covers the current hosts with
//      their current logins (gate.code hosts-changed / login-changed names them), has no
//      failure, and (when it warned) acknowledgeWarnings is true;
//      409 when a run of this install is active or a host is in another install's active run;
//      422 for config rule errors, unknown stages/hosts, or extra vars that set Ansible's own variables
//      (ansible_*, magic and reserved names), look like credentials or hold a template (lib/runs/extra-vars.ts).
import { parseInput } from '@/server/http/parse-input';
import { reply, withApi } from '@/server/http/with-api';
import { NotFoundError } from '@/server/http/errors';
import { getDb } from '@/server/db';
import { startInstallInput } from '@/lib/api/run-input';
import { startInstallRun } from '@/server/install-gate/start-install-run';
import { listRuns } from '@/server/runner/run-view';

export const dynamic = 'force-dynamic';

export const GET = withApi(
  'GET /api/installs/:id/runs',
  async ({ params }) => {
    const install = await getDb().install.findUnique({ where: { id: params.id }, select: { id: true } });
    if (!install) throw new NotFoundError(`install ${params.id} not found`);
    return listRuns(params.id);
  },
  { auth: true },
);

export const POST = withApi(
  'POST /api/installs/:id/runs',
  async ({ params, body }) => reply({ runId: await startInstallRun(params.id, parseInput(startInstallInput, body ?? {})) }, 202),
  { auth: true },
);
