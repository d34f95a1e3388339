/**
 * Keeps the Node rows of an install equal to config.hosts: one row per named host (first one wins
 * for a duplicate name in a draft), name/address/ip/roles updated, rows of removed hosts deleted,
 * and the `state` of hosts that still exist preserved.
 *
 * Every statement names a bounded number of rows (server/db-batches.ts), so an install of any size
 * the import limits allow is saved; rows that did not change are not written.
 */
import type { Prisma } from '@prisma/client';
import type { Host } from '@/lib/config/schema';
import { ROLES } from '@/lib/config/schema';
import { inBatches } from '../db-batches';

interface NodeData {
  address: string;
  ip: string;
  roles: string;
}

function nodeDataOf(host: Host): NodeData {
  return {
    address: host.taskbox && host.address === '' ? host.ip : host.address,
    ip: host.ip,
    roles: ROLES.filter((r) => host.roles[r]).join(','),
  };
}

const CREATE_BATCH = 100;

export async function syncNodes(tx: Prisma.TransactionClient, installId: string, hosts: readonly Host[]): Promise<void> {
  const wanted = new Map<string, NodeData>();
  for (const host of hosts) if (host.name !== '' && !wanted.has(host.name)) wanted.set(host.name, nodeDataOf(host));
  const existing = await tx.node.findMany({ where: { installId }, select: { id: true, name: true, address: true, ip: true, roles: true } });
  const gone = existing.filter((node) => !wanted.has(node.name)).map((node) => node.id);
  for (const ids of inBatches(gone)) await tx.node.deleteMany({ where: { id: { in: ids } } });
  const known = new Map(existing.map((node) => [node.name, node]));
  for (const [name, data] of wanted) {
    const node = known.get(name);
    if (node && (node.address !== data.address || node.ip !== data.ip || node.roles !== data.roles)) {
      await tx.node.update({ where: { id: node.id }, data });
    }
  }
  const fresh = [...wanted].filter(([name]) => !known.has(name)).map(([name, data]) => ({ installId, name, ...data }));
  for (const rows of inBatches(fresh, CREATE_BATCH)) await tx.node.createMany({ data: rows });
}
