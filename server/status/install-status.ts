/**
 * The writer of Install.status (server/status). An install is created `draft`; an edit moves it
 * between draft and ready; its runs move it through their chain's state (server/runner/chain-state.ts)
 * or to `uninstalled`.
 */
import type { Prisma, PrismaClient } from '@prisma/client';
import type { InstallStatus } from '@/lib/states';
import { getDb } from '../db';

type Db = PrismaClient | Prisma.TransactionClient;

/** An install's status as its runs move it (a run chain's state, or `uninstalled`); `db` may be a transaction. */
export async function setInstallStatus(installId: string, status: InstallStatus, db: Db = getDb()): Promise<void> {
  await db.install.updateMany({ where: { id: installId }, data: { status } });
}

/** An install left `installing` with nothing to run any more (its config unreadable): failed. */
export async function failInstallLeftInstalling(installId: string): Promise<void> {
  await getDb().install.updateMany({ where: { id: installId, status: 'installing' }, data: { status: 'failed' } });
}

/**
 * An edit's draft/ready status, written only over the status it was judged from: a run that claimed
 * the install meanwhile (installing, installed, …) keeps its status.
 */
export async function setEditedInstallStatus(tx: Prisma.TransactionClient, installId: string, judgedFrom: string, status: InstallStatus): Promise<void> {
  if (status !== judgedFrom) await tx.install.updateMany({ where: { id: installId, status: judgedFrom }, data: { status } });
}
