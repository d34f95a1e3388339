/**
 * Keeps the Node rows of an install equal to config.hosts: one row per named host (first one wins
 * for a duplicate name in a draft), name/address/ip/roles updated, rows of removed hosts deleted,
 * and the `state` of hosts that still exist preserved.
 */
import type { Prisma } from '@prisma/client';
import type { Host } from '@/lib/config/schema';
import { ROLES } from '@/lib/config/schema';

export async function syncNodes(tx: Prisma.TransactionClient, installId: string, hosts: readonly Host[]): Promise<void> {
  const unique = new Map<string, Host>();
  for (const host of hosts) if (host.name !== '' && !unique.has(host.name)) unique.set(host.name, host);
  await tx.node.deleteMany({ where: { installId, name: { notIn: [...unique.keys()] } } });
  for (const host of unique.values()) {
    const data = {
      address: host.taskbox && host.address === '' ? host.ip : host.address,
      ip: host.ip,
      roles: ROLES.filter((r) => host.roles[r]).join(','),
    };
    await tx.node.upsert({
      where: { installId_name: { installId, name: host.name } },
      create: { installId, name: host.name, ...data },
      update: data,
    });
  }
}
