/**
 * The config and the nodes follow a day-2 operation's OUTCOME, once its run ended:
 * - add-nodes succeeded: the new hosts joined (Node.joinedAt) and are ready; failed: they keep the
 *   state their stages left (failed, or pending where they were not reached), still out of the
 *   cluster, so "retry failed" continues them and "Abandon" (remove-node on them) takes them out;
 * - remove-node succeeded: the hosts leave the config (and their Node rows and trusted host keys);
 *   failed: nothing changes in the config;
 * - uninstall succeeded, or failed after reset.yml ran to its end and cleaned some hosts
 *   (uninstall-results.ts): the install is `uninstalled` (its runs stay), no host is a node any
 *   more, a host reset.yml could not clean is `failed` with how to clean it by hand, and the host
 *   checks start on its hosts (their leftovers check says whether they are clean); otherwise the
 *   install stays as it was and the run's host rows say which hosts were not cleaned.
 * Nodes the operation was not about return to `ready` when it marked them otherwise.
 */
import type { RunStatus } from '../status/run-states';
import type { RunContext } from '../runner/run-context';
import { setInstallStatus } from '../status/install-status';
import { getDb } from '../db';
import { clearJoined, markJoined } from '../installs/mark-joined';
import { parseStoredConfig } from '../installs/parse-stored-config';
import { saveInstallConfig } from '../installs/save-install-config';
import { setNodeState, setNodeStateExcept } from '../status/node-state';
import { startPreflight } from '../preflight/run-preflight';
import { CLEAN_BY_HAND, UNINSTALL_RESULT_WORDS } from './cluster-notes';
import { notCleaned, resetEndedTheCluster, uninstallResults } from './uninstall-results';

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
    await setNodeState(
      db,
      installId,
      targets,
      { state: 'failed', stateNote: `removal ${final} in run ${runId}: the host is still in the config` },
      'installing',
    );
  } else if (ctx.operation === 'uninstall') {
    await settleUninstall(installId, runId, final);
  }
  const members = (await db.node.findMany({ where: { installId, joinedAt: { not: null }, state: 'installing' }, select: { name: true } })).map((n) => n.name);
  await setNodeState(
    db,
    installId,
    members.filter((n) => !targets.includes(n)),
    { state: 'ready', stateNote: `node of the cluster (after run ${runId})` },
  );
}

async function settleUninstall(installId: string, runId: string, final: RunStatus): Promise<void> {
  const db = getDb();
  const reset = await db.stage.findFirst({ where: { runId, name: 'reset' }, include: { hosts: true } });
  if (final !== 'succeeded' && !resetEndedTheCluster(reset ?? undefined)) return;
  const results = uninstallResults(reset ? [reset] : []);
  const left = notCleaned(results);
  await db.$transaction(async (tx) => {
    await clearJoined(installId, tx);
    await setNodeStateExcept(tx, installId, left, { state: 'unknown', stateNote: `uninstalled by run ${runId}` });
    for (const { host, result } of results.filter((r) => r.result !== 'cleaned')) {
      const stateNote = `not cleaned by run ${runId} (${UNINSTALL_RESULT_WORDS[result]}): ${CLEAN_BY_HAND}`.slice(0, 1000);
      await setNodeState(tx, installId, [host], { state: 'failed', stateNote });
    }
    await setInstallStatus(installId, 'uninstalled', tx);
  });
  // a check that cannot start (one already running) is the operator's to start again
  await startPreflight(installId, {}).catch(() => undefined);
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
