/**
 * The run as the API and the run page see it (GET /api/runs/:id, socket `run:state`).
 * Built from rows whose text was redacted before it was stored; no secret can appear here.
 */
import { z } from 'zod';
import { getDb } from '../db';
import { getProfile, INTERNAL_LB_STAGE } from '../installer-profiles/profiles';
import { runLabelOf } from './run-refusal';
import { operationActions } from '../operations/operation-actions';
import { INTERNAL_LB_REMOVE_STAGE, isOperationKind, stagesOfRun, type RunOperation } from './operation-flows';
import { runChainView, type ChainView, type RetryAction } from './run-chain-view';
import { decodeHostError, decodeJsonColumn, decodeRunColumns } from './run-columns';
import type { HostView, StageView, RunView, RunSummary } from '@/lib/api/runs';

export type { HostView, StageView, RunView, RunSummary };

export type { ChainView, RetryAction };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Only the profile id of a stored config: the stage labels need no more (the whole config is big). */
const PROFILE_OF_CONFIG = z.object({ installer: z.object({ profile: z.string() }) });

export async function getRunView(runId: string): Promise<RunView | null> {
  const db = getDb();
  const run = await db.run.findUnique({
    where: { id: runId },
    include: {
      stages: { orderBy: { position: 'asc' }, include: { hosts: true } },
      install: { select: { configJson: true, nodes: { select: { name: true, joinedAt: true } } } },
    },
  });
  if (!run) return null;
  const last = await db.logLine.aggregate({ where: { runId }, _max: { seq: true } });
  let labels = new Map<string, string>();
  try {
    const profileId = decodeJsonColumn(PROFILE_OF_CONFIG, run.install.configJson, `install ${run.installId}: configJson`).installer.profile;
    labels = new Map([...stagesOfRun(getProfile(profileId).stages, run.operation), INTERNAL_LB_STAGE, INTERNAL_LB_REMOVE_STAGE].map((s) => [s.name, s.label]));
  } catch {
    labels = new Map();
  }
  const { scope, extraVars, targets } = decodeRunColumns(run);
  const prior = {
    id: run.id,
    status: run.status,
    scope,
    stages: run.stages.map((s) => ({ name: s.name, status: s.status, hosts: s.hosts.map((h) => ({ host: h.host, status: h.status })) })),
  };
  const operation: RunOperation = isOperationKind(run.operation) ? run.operation : 'install';
  const { chain, actions, abandon } = isOperationKind(operation)
    ? {
        chain: null,
        ...operationActions(
          operation,
          run.install.nodes.map((n) => n.name),
          targets,
          prior,
          run.install.nodes.filter((n) => n.joinedAt).map((n) => n.name),
        ),
      }
    : { ...(await runChainView(run.installId, prior)), abandon: [] };
  return {
    id: run.id,
    label: await runLabelOf(run.installId, run.id),
    installId: run.installId,
    status: run.status,
    mode: run.mode,
    parentRunId: run.parentRunId,
    parentLabel: run.parentRunId ? await runLabelOf(run.installId, run.parentRunId) : null,
    hosts: scope,
    extraVars,
    error: run.error,
    errorKind: run.errorKind,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    lastSeq: last._max.seq ?? 0,
    stages: run.stages.map((s) => ({
      name: s.name,
      label: labels.get(s.name) ?? s.name,
      status: s.status,
      playbook: s.playbook,
      startedAt: iso(s.startedAt),
      finishedAt: iso(s.finishedAt),
      error: s.error,
      hosts: s.hosts.map((h) => ({
        name: h.host,
        status: h.status,
        ok: h.ok,
        changed: h.changed,
        failed: h.failed,
        skipped: h.skipped,
        unreachable: h.unreachable,
        ...(h.errorJson ? { error: decodeHostError(h.errorJson) } : {}),
      })),
    })),
    chain,
    actions,
    operation,
    targets,
    abandon,
  };
}

/** An install's runs, newest first; `parentRunId` links each retry to the run it continues. */
export async function listRuns(installId: string): Promise<RunSummary[]> {
  const runs = await getDb().run.findMany({
    where: { installId },
    orderBy: { createdAt: 'desc' },
    include: { stages: { orderBy: { position: 'asc' }, select: { name: true, status: true } } },
  });
  return runs.map((r) => ({
    id: r.id,
    status: r.status,
    mode: r.mode,
    operation: r.operation,
    parentRunId: r.parentRunId,
    createdAt: r.createdAt.toISOString(),
    finishedAt: iso(r.finishedAt),
    error: r.error,
    stages: r.stages,
  }));
}
