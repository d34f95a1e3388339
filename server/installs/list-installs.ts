/** The installs list: newest change first, with the number of hosts (Node rows). */
import { getDb } from '../db';

export interface InstallSummary {
  id: string;
  name: string;
  status: string;
  hosts: number;
  updatedAt: string;
}

export async function listInstalls(): Promise<InstallSummary[]> {
  const rows = await getDb().install.findMany({
    orderBy: { updatedAt: 'desc' },
    select: { id: true, name: true, status: true, updatedAt: true, configJson: true },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    hosts: countHosts(r.configJson),
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
