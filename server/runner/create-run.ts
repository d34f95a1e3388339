/**
 * Creating runs: a new install run, or a retry (failed / resume / stage) linked to its parent.
 *
 * Invariants:
 * - creation is serialised in-process (one mutex) and checked inside it: one active run per
 *   install, and no host (by SSH address:port) in two active runs of different installs;
 * - the run, its stages and their host rows are created in ONE transaction, then driven;
 * - extra vars are operator-visible settings of the bundle's playbooks (extra-vars.ts says what is
 *   refused: Ansible's own variables, credentials, templates); a retry inherits its parent's extra
 *   vars (so `lab_fail_at` + its marker behave), checked again by the same rule.
 * - `resume` finishes the install: it plans the work the parent's chain has left, not only what
 *   the parent run itself left undone.
 */
import { getDb } from '../db';
import { setNodeState } from '../status/node-state';
import { HttpError, NotFoundError } from '../http/errors';
import { parseStoredConfig } from '../installs/parse-stored-config';
import { PlanError, planRun, type PriorRun, type RunPlan, type RunRequest } from './plan-run';
import { createRunInput, retryRunInput, type CreateRunInput, type RetryRunInput } from '@/lib/api/run-input';
import { extraVarProblem, type ExtraVarValue } from '@/lib/runs/extra-vars';
import { loadInstallChain } from './install-chain';
import { applicableProfile, getProfile } from '../installer-profiles/profiles';
import { isOperationKind, type OperationKind } from './operation-flows';
import { OperationRefused, planOperationRetry } from '../operations/plan-operation';
import { getRunner } from './runner';
import { runRefusal } from './run-refusal';
import { ACTIVE_STATUSES } from '../status/run-states';
import { decodeRunColumns } from './run-columns';

export { createRunInput, retryRunInput, type CreateRunInput, type RetryRunInput };

/** The tail of run creation's queue: on globalThis like every process-wide singleton (Next may evaluate this module twice). */
const creation = globalThis as unknown as { __kswRunCreation?: Promise<unknown> };

/** Run creation (install runs, retries and day-2 operations) one at a time in this process. */
export function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const p = (creation.__kswRunCreation ?? Promise.resolve()).then(fn, fn);
  creation.__kswRunCreation = p.catch(() => undefined);
  return p;
}

export async function assertNoConflict(installId: string, addresses: string[]): Promise<void> {
  const db = getDb();
  const active = await db.run.findFirst({ where: { installId, status: { in: [...ACTIVE_STATUSES] } }, select: { id: true } });
  if (active)
    throw await runRefusal(installId, active.id, (run) => `${run} of this install is still active: open it to follow it or cancel it, then try again`);
  const others = await db.run.findMany({
    where: { installId: { not: installId }, status: { in: [...ACTIVE_STATUSES] } },
    select: { id: true, install: { select: { configJson: true, id: true, name: true } } },
  });
  for (const other of others) {
    const cfg = parseStoredConfig(other.install);
    const clash = cfg.hosts.find((h) => addresses.includes(`${h.address}:${h.port}`));
    if (clash)
      throw await runRefusal(
        other.install.id,
        other.id,
        (run) => `host ${clash.address} is in ${run} of the install "${other.install.name}", which is still active: wait for it or cancel it first`,
      );
  }
}

/** What a day-2 operation run records beside its plan (operation-flows.ts). */
export interface OperationMeta {
  operation: OperationKind;
  targets: string[];
}

export async function persistPlan(installId: string, plan: RunPlan, extraVars: Record<string, unknown>, meta?: OperationMeta): Promise<string> {
  const db = getDb();
  const scopeHosts = plan.scope;
  return db.$transaction(async (tx) => {
    const run = await tx.run.create({
      data: {
        installId,
        parentRunId: plan.parentRunId,
        mode: plan.mode,
        status: 'queued',
        hostsJson: scopeHosts ? JSON.stringify(scopeHosts) : null,
        extraVars: Object.keys(extraVars).length > 0 ? JSON.stringify(extraVars) : null,
        ...(meta ? { operation: meta.operation, targetsJson: JSON.stringify(meta.targets) } : {}),
      },
    });
    let position = 0;
    for (const s of plan.stages) {
      await tx.stage.create({
        data: {
          runId: run.id,
          position: position++,
          name: s.name,
          playbook: s.playbook,
          status: 'queued',
          hosts: { create: s.hosts.map((host) => ({ host, status: 'queued' })) },
        },
      });
    }
    // an operation queues the hosts it is about; the other nodes of the cluster stay as they are
    const inRun = meta ? meta.targets : [...new Set(plan.stages.flatMap((s) => s.hosts))];
    await setNodeState(tx, installId, inRun, { state: 'pending', stateNote: `queued in run ${run.id}` }, { not: 'ready' });
    return run.id;
  });
}

async function loadInstall(installId: string) {
  const row = await getDb().install.findUnique({ where: { id: installId } });
  if (!row) throw new NotFoundError(`install ${installId} not found`);
  const config = parseStoredConfig(row);
  return {
    config,
    profile: applicableProfile(getProfile(config.installer.profile), config.loadBalancer),
    hosts: config.hosts.map((h) => h.name),
    addresses: config.hosts.map((h) => `${h.address}:${h.port}`),
  };
}

function planOrThrow(...args: Parameters<typeof planRun>): RunPlan {
  try {
    return planRun(...args);
  } catch (err) {
    if (err instanceof PlanError) throw new HttpError(err.code === 'nothing-to-retry' ? 409 : 422, err.message);
    throw err;
  }
}

/**
 * A new run, NOT gated by the preflight: the public path to a full install is startInstallRun
 * (server/install-gate/start-install-run.ts), which passes its gate here to run inside the mutex.
 */
export async function createRun(installId: string, input: CreateRunInput, opts: { drive?: boolean; gate?: () => Promise<void> } = {}): Promise<string> {
  return serialised(async () => {
    const inst = await loadInstall(installId);
    const req: RunRequest = { mode: 'full', stages: input.stages, hosts: input.hosts };
    const plan = planOrThrow(inst.profile, inst.hosts, req);
    if (opts.gate) await opts.gate();
    await assertNoConflict(installId, inst.addresses);
    const runId = await persistPlan(installId, plan, input.extraVars ?? {});
    if (opts.drive !== false) void getRunner().drive(runId);
    return runId;
  });
}

export async function loadPriorRun(
  runId: string,
): Promise<PriorRun & { installId: string; extraVars: Record<string, unknown>; operation: string; targets: string[] }> {
  const run = await getDb().run.findUnique({ where: { id: runId }, include: { stages: { orderBy: { position: 'asc' }, include: { hosts: true } } } });
  if (!run) throw new NotFoundError(`run ${runId} not found`);
  return {
    id: run.id,
    installId: run.installId,
    status: run.status,
    ...decodeRunColumns(run),
    operation: run.operation,
    stages: run.stages.map((s) => ({ name: s.name, status: s.status, hosts: s.hosts.map((h) => ({ host: h.host, status: h.status })) })),
  };
}

/** Resume finishes the install: it plans from the work its chain has left (chain-state.ts). */
async function retryRequest(parent: PriorRun & { installId: string }, input: RetryRunInput): Promise<RunRequest> {
  if (input.mode === 'stage') return { mode: 'stage', parent, stage: input.stage };
  if (input.mode === 'failed') return { mode: 'failed', parent };
  const chain = await loadInstallChain(parent.installId, parent.id);
  return { mode: 'resume', parent, ...(chain ? { remaining: chain.state.remaining } : {}) };
}

/** A run stored before the current extra-vars rule may carry what it now refuses: a retry would re-use it. */
function assertExtraVarsAllowed(vars: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(vars)) {
    const plain: ExtraVarValue = typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
    const problem = extraVarProblem(name, plain);
    if (problem !== undefined) throw new HttpError(422, `this run cannot be retried: ${problem}; start a new install run instead`);
  }
}

export async function retryRun(parentRunId: string, input: RetryRunInput): Promise<string> {
  return serialised(async () => {
    const parent = await loadPriorRun(parentRunId);
    assertExtraVarsAllowed(parent.extraVars);
    if ((ACTIVE_STATUSES as readonly string[]).includes(parent.status))
      throw await runRefusal(parent.installId, parent.id, (run) => `${run} is still active: cancel it or wait for it before retrying`);
    const inst = await loadInstall(parent.installId);
    if (isOperationKind(parent.operation)) {
      // a day-2 operation retries what failed and continues its flow (server/operations)
      const plan = planOperationRetryOrThrow(parent.operation, inst.hosts, parent.targets, parent, input);
      await assertNoConflict(parent.installId, inst.addresses);
      const runId = await persistPlan(parent.installId, plan, parent.extraVars, { operation: parent.operation, targets: parent.targets });
      void getRunner().drive(runId);
      return runId;
    }
    const req = await retryRequest(parent, input);
    const plan = planOrThrow(inst.profile, inst.hosts, req);
    await assertNoConflict(parent.installId, inst.addresses);
    const runId = await persistPlan(parent.installId, plan, parent.extraVars);
    void getRunner().drive(runId);
    return runId;
  });
}

function planOperationRetryOrThrow(kind: OperationKind, hosts: string[], targets: string[], parent: PriorRun, input: RetryRunInput): RunPlan {
  if (input.mode !== 'failed')
    throw new HttpError(422, `a ${kind} run is retried with mode "failed": it continues what failed, then the rest of the operation`);
  try {
    return planOperationRetry(kind, hosts, targets, parent);
  } catch (err) {
    if (err instanceof OperationRefused) throw new HttpError(409, err.message);
    throw err;
  }
}
