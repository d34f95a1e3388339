/**
 * POST /api/installs/:id/operations: a day-2 operation becomes a run, guarded like an install run.
 *
 * Invariants (all checked inside run creation's one mutex, before anything is written):
 * - the request is decided by planOperation (pure): a refusal or a wrong/missing confirmation is a
 *   422 and no run exists;
 * - the config passes its rules and the cluster-member rules (no renamed or moved node);
 * - add-nodes passes the install gate for the hosts it adds: the latest preflight covers the
 *   current hosts and logins, and nothing failed on a NEW host or cluster-wide (failures on the
 *   existing nodes — an apiserver port in use, an etcd data dir — are what a cluster has);
 * - one active run per install, no host in another install's active run (assertNoConflict).
 */
import { withStep } from '@/lib/config/issues';
import { clusterMemberIssues } from '@/lib/config/rules/cluster-members';
import { getDb } from '../db';
import { HttpError, NotFoundError, ValidationError } from '../http/errors';
import { checkInstallConfig } from '../installs/check-install-config';
import { clusterMembers } from '../installs/mark-joined';
import { parseStoredConfig } from '../installs/parse-stored-config';
import { checkInstallGate } from '../install-gate/check-install-gate';
import { assertNoConflict, persistPlan, serialised } from '../runner/create-run';
import { getRunner } from '../runner/runner';
import { startOperationInput, type StartOperationInput } from '@/lib/api/run-input';
import { OperationRefused, planOperation, type OperationPlan } from './plan-operation';

export { startOperationInput, type StartOperationInput };

async function assertAddGate(installId: string, targets: readonly string[], acknowledged: boolean): Promise<void> {
  const gate = await checkInstallGate(installId, acknowledged, { kind: 'add-nodes', targets });
  if (!gate.ok) throw new HttpError(409, `the new hosts cannot be added yet: ${gate.message}`, {}, { gate });
}

export async function startOperation(installId: string, input: StartOperationInput): Promise<string> {
  return serialised(async () => {
    const row = await getDb().install.findUnique({ where: { id: installId } });
    if (!row) throw new NotFoundError(`install ${installId} not found`);
    const config = parseStoredConfig(row);
    const members = await clusterMembers(installId);
    let decided: OperationPlan;
    try {
      decided = planOperation(
        { installName: row.name, hosts: config.hosts, members: members.map((m) => m.name), internalLb: config.loadBalancer.kind === 'internal' },
        input,
      );
    } catch (err) {
      if (err instanceof OperationRefused) throw new HttpError(err.code === 'not-installed' ? 409 : 422, err.message, {}, { code: err.code });
      throw err;
    }
    const memberIssues = clusterMemberIssues(config, members).map(withStep);
    const { errors, warnings } = checkInstallConfig(config);
    if (memberIssues.length + errors.length > 0) throw new ValidationError([...memberIssues, ...errors], warnings);
    if (decided.kind === 'add-nodes') await assertAddGate(installId, decided.targets, input.acknowledgeWarnings === true);
    await assertNoConflict(
      installId,
      config.hosts.map((h) => `${h.address}:${h.port}`),
    );
    const runId = await persistPlan(installId, decided.plan, input.extraVars ?? {}, { operation: decided.kind, targets: decided.targets });
    void getRunner().drive(runId);
    return runId;
  });
}
