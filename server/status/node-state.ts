/**
 * The writer of Node.state (server/status). A node's state is what the last check or run found:
 * the host checks set it for hosts outside the cluster only (a member's state is its runs'), a run
 * moves the hosts it works on, a day-2 operation settles them at its end.
 *
 * Writes name the hosts in batches (server/db-batches.ts): a run of a 1,000-host install names more
 * hosts than one statement may carry.
 */
import type { Prisma, PrismaClient } from '@prisma/client';
import type { NodeState } from '@/lib/states';
import { getDb } from '../db';
import { inBatches } from '../db-batches';

type Db = PrismaClient | Prisma.TransactionClient;

export interface NodeStateWrite {
  state: NodeState;
  stateNote: string | null;
}

/** The named nodes' state; with `currentState`, only those in (or not in) that state. */
export async function setNodeState(
  db: Db,
  installId: string,
  names: readonly string[],
  data: NodeStateWrite,
  currentState?: { not: NodeState } | NodeState,
): Promise<void> {
  for (const batch of inBatches(names)) {
    await db.node.updateMany({ where: { installId, name: { in: batch }, ...(currentState === undefined ? {} : { state: currentState }) }, data });
  }
}

/** What the host checks found on hosts outside the cluster; a cluster member's state is left to its runs. */
export async function setCheckedNodeState(installId: string, names: readonly string[], data: NodeStateWrite): Promise<void> {
  for (const batch of inBatches(names)) {
    await getDb().node.updateMany({ where: { installId, name: { in: batch }, joinedAt: null }, data });
  }
}

/** Every node of the install but `except` (a few hosts, those an uninstall could not clean). */
export async function setNodeStateExcept(db: Db, installId: string, except: readonly string[], data: NodeStateWrite): Promise<void> {
  await db.node.updateMany({ where: { installId, name: { notIn: [...except] } }, data });
}
