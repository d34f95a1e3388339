/**
 * The install's run chain read from the database (chain-state.ts decides from it), and the one
 * writer of `Install.status` from it once a run ends.
 *
 * Invariants: `Install.status` after a run is the state of the install's CURRENT chain (the chain of
 * its newest run), never the outcome of one run alone; nodes become `ready` only when that chain is
 * complete, and then every host it installed does.
 */
import { markJoined } from '../installs/mark-joined';
import { setNodeState } from '../status/node-state';
import { getDb } from '../db';
import { parseStoredConfig } from '../installs/parse-stored-config';
import { chainOf, chainState, currentChain, type ChainRun, type ChainStageDef, type ChainState } from './chain-state';
import { ACTIVE_STATUSES } from '../status/run-states';
import { failInstallLeftInstalling, setInstallStatus } from '../status/install-status';
import { applicableProfile, getProfile, isHostlessStage, type InstallerProfile } from '../installer-profiles/profiles';
import { decodeRunColumns } from './run-columns';

export interface InstallChain {
  profile: InstallerProfile;
  stageDefs: ChainStageDef[];
  installHosts: string[];
  /** The chain's runs, oldest first. */
  chain: ChainRun[];
  state: ChainState;
}

export function stageDefsOf(profile: InstallerProfile): ChainStageDef[] {
  return profile.stages.map((s) => ({ name: s.name, hostless: isHostlessStage(s) }));
}

async function loadRuns(installId: string): Promise<ChainRun[]> {
  // the install's chains are its install runs; day-2 operations are runs of their own kind
  const rows = await getDb().run.findMany({
    where: { installId, operation: 'install' },
    select: {
      id: true,
      parentRunId: true,
      status: true,
      createdAt: true,
      hostsJson: true,
      stages: { orderBy: { position: 'asc' }, select: { name: true, status: true, startedAt: true, hosts: { select: { host: true, status: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    parentRunId: r.parentRunId,
    status: r.status,
    createdAt: r.createdAt.getTime(),
    scope: decodeRunColumns({ ...r, extraVars: null, targetsJson: null }).scope,
    stages: r.stages.map((s) => ({ name: s.name, status: s.status, started: s.startedAt !== null, hosts: s.hosts })),
  }));
}

/**
 * The chain `runId` belongs to (or, without a run id, the install's current chain); null when the
 * install has no runs or its stored config cannot be read.
 */
export async function loadInstallChain(installId: string, runId?: string): Promise<InstallChain | null> {
  const install = await getDb().install.findUnique({ where: { id: installId }, select: { id: true, configJson: true } });
  if (!install) return null;
  let profile: InstallerProfile;
  let installHosts: string[];
  try {
    const config = parseStoredConfig(install);
    profile = applicableProfile(getProfile(config.installer.profile), config.loadBalancer);
    installHosts = config.hosts.map((h) => h.name);
  } catch {
    return null;
  }
  const runs = await loadRuns(installId);
  const chain = runId ? chainOf(runs, runId) : currentChain(runs);
  if (chain.length === 0) return null;
  const stageDefs = stageDefsOf(profile);
  return { profile, stageDefs, installHosts, chain, state: chainState(stageDefs, installHosts, chain) };
}

/** Writes `Install.status` from the current chain (and marks its hosts ready when it is complete). */
export async function settleInstallStatus(installId: string): Promise<ChainState | null> {
  const loaded = await loadInstallChain(installId);
  const db = getDb();
  if (!loaded) {
    // no readable config (why a run could not even be prepared): never "installing" with nothing running
    const active = await db.run.count({ where: { installId, status: { in: [...ACTIVE_STATUSES] } } });
    if (active === 0) await failInstallLeftInstalling(installId);
    return null;
  }
  const { state, chain } = loaded;
  await setInstallStatus(installId, state.status);
  if (state.complete) {
    const last = chain[chain.length - 1];
    await setNodeState(db, installId, state.scope, { state: 'ready', stateNote: `installed by run ${last?.id ?? '?'}` });
    await markJoined(installId, state.scope);
  }
  return state;
}
