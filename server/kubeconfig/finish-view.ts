/**
 * The finish line of an install (GET /api/installs/:id/finish): whether it is installed, the console
 * address, the default account to change, whether a kubeconfig is stored, the next steps. No secret:
 * the default password is the installer's public default, shown so the operator changes it.
 */
import { consoleAddressOf, DEFAULT_CONSOLE_ACCOUNT, nextStepsAfterInstall } from '@/lib/installer/finish-line';
import { getDb } from '../db';
import { NotFoundError } from '../http/errors';
import { parseStoredConfig } from '../installs/parse-stored-config';
import { kubeconfigStatus } from './stored-kubeconfig';
import type { FinishView } from '@/lib/api/cluster';

export type { FinishView };

export async function getFinishView(installId: string): Promise<FinishView> {
  const row = await getDb().install.findUnique({ where: { id: installId }, select: { id: true, configJson: true, status: true } });
  if (!row) throw new NotFoundError(`install ${installId} not found`);
  return {
    installed: row.status === 'installed',
    console: consoleAddressOf(parseStoredConfig(row)),
    account: { ...DEFAULT_CONSOLE_ACCOUNT },
    kubeconfig: await kubeconfigStatus(installId),
    nextSteps: nextStepsAfterInstall(),
  };
}
