/**
 * The cluster's admin kubeconfig at rest: `Install.kubeconfigEnc`, sealed with the wizard's secret
 * key (server/crypto/secret-box.ts) under the context `<installId>:kubeconfig`, so neither the
 * install's secrets blob nor another install's kubeconfig opens in its place.
 *
 * Invariants: the plaintext is only ever returned by `openStoredKubeconfig` (for the download the
 * operator asked for); nothing here logs it or puts it in an error message.
 */
import { getDb } from '../db';
import { loadSecretKey } from '../crypto/load-secret-key';
import { openSecrets, sealSecrets } from '../crypto/secret-box';
import type { KubeconfigStatus } from '@/lib/api/cluster';

export type { KubeconfigStatus };

const contextOf = (installId: string) => `${installId}:kubeconfig`;

export async function storeKubeconfig(installId: string, text: string, from: string): Promise<void> {
  const sealed = sealSecrets({ kubeconfig: text }, loadSecretKey(), contextOf(installId));
  await getDb().install.update({ where: { id: installId }, data: { kubeconfigEnc: sealed, kubeconfigFrom: from, kubeconfigAt: new Date() } });
}

export async function kubeconfigStatus(installId: string): Promise<KubeconfigStatus> {
  const row = await getDb().install.findUnique({ where: { id: installId }, select: { kubeconfigEnc: true, kubeconfigFrom: true, kubeconfigAt: true } });
  return { stored: Boolean(row?.kubeconfigEnc), from: row?.kubeconfigFrom ?? null, at: row?.kubeconfigAt?.toISOString() ?? null };
}

/** The stored kubeconfig's text, or null when none is stored. */
export async function openStoredKubeconfig(installId: string): Promise<string | null> {
  const row = await getDb().install.findUnique({ where: { id: installId }, select: { kubeconfigEnc: true } });
  if (!row?.kubeconfigEnc) return null;
  return openSecrets(row.kubeconfigEnc, loadSecretKey(), contextOf(installId)).kubeconfig ?? null;
}
