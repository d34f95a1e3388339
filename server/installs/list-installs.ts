/** The installs list: newest change first, with the number of hosts and of install runs. */
import { getDb } from '../db';

export interface InstallSummary {
  id: string;
  name: string;
  status: string;
  hosts: number;
  /** Install runs so far (the list links to their history when there are any). */
  runs: number;
  updatedAt: string;
}

export async function listInstalls(): Promise<InstallSummary[]> {
  const rows = await getDb().install.findMany({
    orderBy: { updatedAt: 'desc' },
    select: { id: true, name: true, status: true, updatedAt: true, configJson: true, _count: { select: { runs: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    hosts: countHosts(r.configJson),
    runs: r._count.runs,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

function countHosts(configJson: string): number {
  const parsed: unknown = JSON.parse(configJson);
  if (typeof parsed === 'object' && parsed !== null && 'hosts' in parsed && Array.isArray(parsed.hosts)) {
    return parsed.hosts.length;
  }
  return 0;
}
