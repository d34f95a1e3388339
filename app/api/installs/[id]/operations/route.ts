// POST /api/installs/:id/operations { kind, hosts?, confirm, acknowledgeWarnings?, extraVars? } -> 202 { runId }
//      a day-2 operation of an installed cluster, run on the taskbox like an install (server/operations):
//      kind "add-nodes"   the config's hosts that are not nodes yet (workers only); confirm: true;
//                         behind the install gate for the new hosts (409 { error, gate });
//      kind "remove-node" hosts: [names] (workers, or hosts a failed add left); confirm: the names typed, comma-joined;
//      kind "uninstall"   every host; confirm: the install's name typed.
//      422 { error, code } for a refusal (a master, an etcd member, the last worker, a wrong or missing
//      confirmation) and config rule errors; 409 when the install has no cluster, a run of it is active,
//      or a host is in another install's active run. Nothing runs unless the answer is 202.
import { parseInput } from '@/server/http/parse-input';
import { reply, withApi } from '@/server/http/with-api';
import { startOperation, startOperationInput } from '@/server/operations/start-operation';

export const dynamic = 'force-dynamic';

export const POST = withApi(
  'POST /api/installs/:id/operations',
  async ({ params, body }) => reply({ runId: await startOperation(params.id, parseInput(startOperationInput, body ?? {})) }, 202),
  { auth: true },
);
