/**
 * Records which hosts are nodes of the cluster (Node.joinedAt): set when the install chain completes
 * and when an add succeeds, cleared by an uninstall. The cluster-member rules
 * (lib/config/rules/cluster-members.ts) and the day-2 operations read it through `clusterMembers`.
 */
import type { Prisma, PrismaClient } from '@prisma/client';
import type { ClusterMember } from '@/lib/config/rules/cluster-members';
import { ROLES } from '@/lib/config/schema';
import { getDb } from '../db';
import { inBatches } from '../db-batches';

type Db = PrismaClient | Prisma.TransactionClient;

export async function markJoined(installId: string, names: readonly string[], db: Db = getDb()): Promise<void> {
  const now = new Date();
  for (const batch of inBatches(names)) await db.node.updateMany({ where: { installId, name: { in: batch }, joinedAt: null }, data: { joinedAt: now } });
}

export async function clearJoined(installId: string, db: Db = getDb()): Promise<void> {
  await db.node.updateMany({ where: { installId }, data: { joinedAt: null } });
}

/** The cluster's nodes as they joined (name, address, ip, roles of the Node row). */
export async function clusterMembers(installId: string, db: Db = getDb()): Promise<ClusterMember[]> {
  const rows = await db.node.findMany({ where: { installId, joinedAt: { not: null } }, select: { name: true, address: true, ip: true, roles: true } });
  return rows.map((r) => ({ name: r.name, address: r.address, ip: r.ip, roles: ROLES.filter((role) => r.roles.split(',').includes(role)) }));
}
