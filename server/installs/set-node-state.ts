/**
 * Sets the state of named Node rows of an install, in batches (server/db-batches.ts): a run of a
 * 1,000-host install names more hosts than one statement may carry.
 */
import type { Prisma, PrismaClient } from '@prisma/client';
import type { NodeState } from '@/lib/states';
import { inBatches } from '../db-batches';

type Db = PrismaClient | Prisma.TransactionClient;

export async function setNodeState(
  db: Db,
  installId: string,
  names: readonly string[],
  data: { state: NodeState; stateNote: string },
  currentState?: { not: NodeState } | NodeState,
): Promise<void> {
  for (const batch of inBatches(names)) {
    await db.node.updateMany({ where: { installId, name: { in: batch }, ...(currentState === undefined ? {} : { state: currentState }) }, data });
  }
}
