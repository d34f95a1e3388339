/**
 * The run as the API and the run page see it (GET /api/runs/:id, socket `run:state`).
 * Built from rows whose text was redacted before it was stored; no secret can appear here.
 */
import { getDb } from '../db';
import { getProfile, INTERNAL_LB_STAGE } from './profiles';
import { runLabelOf } from './run-refusal';
import { operationActions } from '../operations/operation-actions';
import { INTERNAL_LB_REMOVE_STAGE, isOperationKind, stagesOfRun, type RunOperation } from './operation-flows';
import { runChainView, type ChainView, type RetryAction } from './run-chain-view';
import type { HostError } from './translate-event';

export type { ChainView, RetryAction };

export interface HostView {
  name: string;
  status: string;
  ok: number;
  changed: number;
  failed: number;
  skipped: number;
  unreachable: number;
  error?: HostError;
}

export interface StageView {
  name: string;
  label: string;
  status: string;
  playbook: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  hosts: HostView[];
}

export interface RunView {
  id: string;
  /** "Run 3", as the history numbers the install's runs. */
  label: string;
  installId: string;
  status: string;
  mode: string;
  parentRunId: string | null;
  /** "Run 2" for the run this one continues. */
  parentLabel: string | null;
  hosts: string[] | null;
  extraVars: Record<string, unknown>;
  error: string | null;
  errorKind: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  lastSeq: number;
  stages: StageView[];
  /** The install's chain this run belongs to: complete or not, and what it still needs. */
  chain: ChainView | null;
  /** What each retry of this run would do ("resume" finishes the install); [] while a run is active. */
  actions: RetryAction[];
  /** install, or the day-2 operation this run is (operation-flows.ts). */
  operation: RunOperation;
  /** The hosts a day-2 operation is about ([] for an install run). */
  targets: string[];
  /** After a failed add: the half-added hosts "Abandon" removes; [] otherwise. */
  abandon: string[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function getRunView(runId: string): Promise<RunView | null> {
  const db = getDb();
  const run = await db.run.findUnique({ where: { id: runId }, include: { stages: { orderBy: { position: 'asc' }, include: { hosts: true } }, install: { select: { configJson: true, nodes: { select: { name: true, joinedAt: true } } } } } });
  if (!run) return null;
  const last = await db.logLine.aggregate({ where: { runId }, _max: { seq: true } });
  let labels = new Map<string, string>();
  try {
    const profileId = (JSON.parse(run.install.configJson) as { installer?: { profile?: string } }).installer?.profile ?? 'kubesphere-2.0.2';
    labels = new Map([...stagesOfRun(getProfile(profileId).stages, run.operation), INTERNAL_LB_STAGE, INTERNAL_LB_REMOVE_STAGE].map((s) => [s.name, s.label]));
  } catch {
    labels = new Map();
  }
  const scope = run.hostsJson ? (JSON.parse(run.hostsJson) as string[]) : null;
  const prior = { id: run.id, status: run.status, scope, stages: run.stages.map((s) => ({ name: s.name, status: s.status, hosts: s.hosts.map((h) => ({ host: h.host, status: h.status })) })) };
  const operation: RunOperation = isOperationKind(run.operation) ? run.operation : 'install';
  const targets = run.targetsJson ? (JSON.parse(run.targetsJson) as string[]) : [];
  const { chain, actions, abandon } = isOperationKind(operation)
    ? { chain: null, ...operationActions(operation, run.install.nodes.map((n) => n.name), targets, prior, run.install.nodes.filter((n) => n.joinedAt).map((n) => n.name)) }
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
    extraVars: run.extraVars ? (JSON.parse(run.extraVars) as Record<string, unknown>) : {},
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
        ...(h.errorJson ? { error: JSON.parse(h.errorJson) as HostError } : {}),
      })),
    })),
    chain,
    actions,
    operation,
    targets,
    abandon,
  };
}

export interface RunSummary {
  id: string;
  status: string;
  mode: string;
  operation: string;
  parentRunId: string | null;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
  stages: { name: string; status: string }[];
}

/** An install's runs, newest first; `parentRunId` links each retry to the run it continues. */
export async function listRuns(installId: string): Promise<RunSummary[]> {
  const runs = await getDb().run.findMany({ where: { installId }, orderBy: { createdAt: 'desc' }, include: { stages: { orderBy: { position: 'asc' }, select: { name: true, status: true } } } });
  return runs.map((r) => ({ id: r.id, status: r.status, mode: r.mode, operation: r.operation, parentRunId: r.parentRunId, createdAt: r.createdAt.toISOString(), finishedAt: iso(r.finishedAt), error: r.error, stages: r.stages }));
}
