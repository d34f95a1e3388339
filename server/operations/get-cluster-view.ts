/**
 * The cluster page's data: every node with its roles, state (kept from the runs' events by the
 * runner) and last operation; the install's operations, newest first (each a run; retries link to
 * their parent); the docs' high-risk notes; and, when asked (it logs in to every master), the
 * certificates' expiry. No secret leaves this module.
 */
import { ROLES } from '@/lib/config/schema';
import { getDb } from '../db';
import { NotFoundError } from '../http/errors';
import { resolveSecrets } from '../installs/resolve-secrets';
import { isOperationKind, type RunOperation } from '../runner/operation-flows';
import { ADD_NODES_EFFECT, CLEAN_BY_HAND, HIGH_RISK_NOTES, UNINSTALL_DELETES, UNINSTALL_RESULT_WORDS } from './cluster-notes';
import { readCertExpiry } from './read-cert-expiry';
import { uninstallResults } from './uninstall-results';
import { decodeRunColumns } from '../runner/run-columns';
import type { ClusterOperationView, ClusterNodeView, ClusterView } from '@/lib/api/cluster';

export type { ClusterOperationView, ClusterNodeView, ClusterView };

const operationOf = (value: string): RunOperation => (isOperationKind(value) ? value : 'install');

export async function getClusterView(installId: string, opts: { certificates?: boolean } = {}): Promise<ClusterView> {
  const db = getDb();
  const install = await db.install.findUnique({ where: { id: installId }, select: { id: true, name: true, status: true } });
  if (!install) throw new NotFoundError(`install ${installId} not found`);
  const nodes = await db.node.findMany({ where: { installId }, orderBy: { name: 'asc' } });
  const runs = await db.run.findMany({ where: { installId }, orderBy: { createdAt: 'desc' } });
  const operations: ClusterOperationView[] = runs.map((r) => ({
    runId: r.id,
    operation: operationOf(r.operation),
    mode: r.mode,
    status: r.status,
    parentRunId: r.parentRunId,
    targets: ((c) => (r.targetsJson ? c.targets : (c.scope ?? [])))(decodeRunColumns(r)),
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
  }));
  // an operation touches its targets; an install run its scope (none listed = every host)
  const lastFor = (name: string) => operations.find((o) => (o.operation === 'install' && o.targets.length === 0) || o.targets.includes(name));
  const certificates = opts.certificates && install.status !== 'uninstalled' ? await readCertExpiry(installId, await resolveSecrets(installId)) : null;
  return {
    installId,
    name: install.name,
    status: install.status,
    nodes: nodes.map((n) => {
      const last = lastFor(n.name);
      return {
        name: n.name,
        address: n.address,
        roles: ROLES.filter((r) => n.roles.split(',').includes(r)),
        state: n.state,
        stateNote: n.stateNote,
        joined: n.joinedAt !== null,
        lastOperation: last ? { runId: last.runId, operation: last.operation, status: last.status } : null,
      };
    }),
    operations,
    highRisk: HIGH_RISK_NOTES,
    addNodesEffect: ADD_NODES_EFFECT,
    uninstallDeletes: UNINSTALL_DELETES,
    cleanByHand: CLEAN_BY_HAND,
    uninstall: await latestUninstall(operations),
    certificates,
  };
}

/** The uninstall runs since the newest install run (operations are newest first), their reset stages' results. */
async function latestUninstall(operations: readonly ClusterOperationView[]): Promise<ClusterView['uninstall']> {
  const lastInstall = operations.findIndex((o) => o.operation === 'install');
  const sinceInstall = lastInstall < 0 ? operations : operations.slice(0, lastInstall);
  const runIds = sinceInstall
    .filter((o) => o.operation === 'uninstall')
    .map((o) => o.runId)
    .reverse();
  if (runIds.length === 0) return null;
  const stages = await getDb().stage.findMany({ where: { runId: { in: runIds }, name: 'reset' }, include: { hosts: { orderBy: { id: 'asc' } } } });
  const ordered = runIds.flatMap((id) => stages.filter((s) => s.runId === id));
  const hosts = uninstallResults(ordered).map((r) => ({ ...r, words: UNINSTALL_RESULT_WORDS[r.result] }));
  return { runId: runIds[runIds.length - 1] ?? '', hosts };
}
