/**
 * The installs list: newest change first, with the number of hosts and of install runs. The status
 * of an install that has runs is its run chain's (server/runner/chain-state.ts), so the list never
 * says "installing" with nothing running, nor "installed" before every stage succeeded.
 */
import { getDb } from '../db';
import { loadInstallChain } from '../runner/install-chain';
import type { InstallSummary } from '@/lib/api/installs';

export type { InstallSummary };

export async function listInstalls(): Promise<InstallSummary[]> {
  const rows = await getDb().install.findMany({
    orderBy: { updatedAt: 'desc' },
    select: { id: true, name: true, status: true, updatedAt: true, configJson: true, _count: { select: { runs: true } } },
  });
  return Promise.all(
    rows.map(async (r) => {
      const chain = r._count.runs > 0 ? await loadInstallChain(r.id) : null;
      return {
        id: r.id,
        name: r.name,
        // an uninstalled install keeps its runs (history), but its chain no longer says what it is
        status: r.status === 'uninstalled' ? r.status : (chain?.state.status ?? r.status),
        hosts: countHosts(r.configJson),
        runs: r._count.runs,
        remainingStages: chain ? chain.state.remaining.length : null,
        updatedAt: r.updatedAt.toISOString(),
      };
    }),
  );
}

function countHosts(configJson: string): number {
  const parsed: unknown = JSON.parse(configJson);
  if (typeof parsed === 'object' && parsed !== null && 'hosts' in parsed && Array.isArray(parsed.hosts)) {
    return parsed.hosts.length;
  }
  return 0;
}
