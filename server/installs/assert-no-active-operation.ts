/**
 * While a day-2 operation (add workers, remove a worker, uninstall) runs on an install, its config
 * is what the run works from: Ansible on the taskbox reads the hosts it wrote, and the operation's
 * outcome settles the config (settle-operation.ts). An edit then is refused (409) with the run
 * named, so the page can link to it. (An install run is refused by assertNotInstalling.)
 */
import type { Prisma, PrismaClient } from '@prisma/client';
import { isOperationKind } from '../runner/operation-flows';
import { runRefusal } from '../runner/run-refusal';
import { ACTIVE_STATUSES } from '../status/run-states';

const OPERATION_WORDS: Record<string, string> = { 'add-nodes': 'adding workers', 'remove-node': 'removing a worker', uninstall: 'uninstalling the cluster' };

export async function assertNoActiveOperation(
  db: PrismaClient | Prisma.TransactionClient,
  installId: string,
  doing = 'the settings cannot change',
): Promise<void> {
  const active = await db.run.findFirst({
    where: { installId, status: { in: [...ACTIVE_STATUSES] } },
    select: { id: true, operation: true },
    orderBy: { createdAt: 'desc' },
  });
  if (!active || !isOperationKind(active.operation)) return;
  const what = OPERATION_WORDS[active.operation] ?? active.operation;
  throw await runRefusal(
    installId,
    active.id,
    (run) =>
      `${run} is ${what} on this install, so ${doing} until it ends: the operation works from the hosts as they are now and settles them when it ends. Wait for it (or cancel it), then edit.`,
  );
}
