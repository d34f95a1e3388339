/**
 * The config and the nodes follow a day-2 operation's OUTCOME, once its run ended:
 * - add-nodes succeeded: the new hosts joined (Node.joinedAt) and are ready; failed: they keep the
 *   state their stages left (failed, or pending where they were not reached), still out of the
 *   cluster, so "retry failed" continues them and "Abandon" (remove-node on them) takes them out;
 * - remove-node succeeded: the hosts leave the config (and their Node rows and trusted host keys);
 *   failed: nothing changes in the config;
 * - uninstall succeeded: the install is `uninstalled` (its runs stay), no host is a node any more,
 *   and the host checks start on its hosts (their leftovers check says whether they are clean);
 *   failed: the install stays as it was, the run's host rows say which hosts were not cleaned.
 * Nodes the operation was not about return to `ready` when it marked them otherwise.
 */
import type { RunStatus } from '../runner/states';
import type { RunContext } from '../runner/run-context';
import { setInstallStatus } from '../runner/status-writes';
import { getDb } from '../db';
import { clearJoined, markJoined } from '../installs/mark-joined';
import { parseStoredConfig } from '../installs/parse-stored-config';
import { saveInstallConfig } from '../installs/save-install-config';
import { setNodeState } from '../installs/set-node-state';
import { startPreflight } from '../preflight/run-preflight';

export async function settleOperation(ctx: Pick<RunContext, 'installId' | 'runId' | 'operation' | 'targets'>, final: RunStatus): Promise<void> {
  const db = getDb();
  const { installId, runId, targets } = ctx;
  if (ctx.operation === 'add-nodes') {
    if (final === 'succeeded') {
      await markJoined(installId, targets);
      await setNodeState(db, installId, targets, { state: 'ready', stateNote: `added by run ${runId}` });
    } else {
      await setNodeState(db, installId, targets, { state: 'pending', stateNote: `add ${final} in run ${runId}: retry it, or abandon it` }, 'installing');
    }
  } else if (ctx.operation === 'remove-node' && final === 'succeeded') {
    await removeHostsFromConfig(installId, targets);
  } else if (ctx.operation === 'remove-node') {
    await setNodeState(db, installId, targets, { state: 'failed', stateNote: `removal ${final} in run ${runId}: the host is still in the config` }, 'installing');
  } else if (ctx.operation === 'uninstall' && final === 'succeeded') {
    await db.$transaction(async (tx) => {
      await clearJoined(installId, tx);
      await tx.node.updateMany({ where: { installId }, data: { state: 'unknown', stateNote: `uninstalled by run ${runId}` } });
      await setInstallStatus(installId, 'uninstalled', tx);
    });
    // a check that cannot start (one already running) is the operator's to start again
    await startPreflight(installId, {}).catch(() => undefined);
  }
  const members = (await db.node.findMany({ where: { installId, joinedAt: { not: null }, state: 'installing' }, select: { name: true } })).map((n) => n.name);
  await setNodeState(db, installId, members.filter((n) => !targets.includes(n)), { state: 'ready', stateNote: `node of the cluster (after run ${runId})` });
}

async function removeHostsFromConfig(installId: string, names: readonly string[]): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await tx.install.findUniqueOrThrow({ where: { id: installId } });
    const config = parseStoredConfig(row);
    await tx.node.updateMany({ where: { installId, name: { in: [...names] } }, data: { joinedAt: null } });
    await saveInstallConfig(tx, row, { config: { ...config, hosts: config.hosts.filter((h) => !names.includes(h.name)) }, refuseErrors: false });
    await tx.hostKey.deleteMany({ where: { installId, host: { in: [...names] } } });
  });
}
