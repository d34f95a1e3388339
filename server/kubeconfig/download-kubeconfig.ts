/**
 * The kubeconfig download (GET /api/installs/:id/kubeconfig): the stored one, or — when none is
 * stored yet (the read after the install failed) — read from the first master now and stored.
 * 404 for an unknown install, 409 before the install is complete, 502 when the master cannot give it.
 */
import { getDb } from '../db';
import { HttpError, NotFoundError } from '../http/errors';
import { fetchKubeconfig, KubeconfigFetchError } from './fetch-kubeconfig';
import { openStoredKubeconfig } from './stored-kubeconfig';

export interface KubeconfigDownload {
  text: string;
  fileName: string;
}

const fileNameOf = (name: string) => `${name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'cluster'}.kubeconfig`;

export async function downloadKubeconfig(installId: string): Promise<KubeconfigDownload> {
  const row = await getDb().install.findUnique({ where: { id: installId }, select: { name: true, status: true } });
  if (!row) throw new NotFoundError(`install ${installId} not found`);
  if (row.status !== 'installed') throw new HttpError(409, 'the install is not complete: the kubeconfig exists once every stage has succeeded on every host');
  let text = await openStoredKubeconfig(installId);
  if (text === null) {
    try {
      await fetchKubeconfig(installId);
    } catch (err) {
      if (err instanceof KubeconfigFetchError) throw new HttpError(502, err.message);
      throw err;
    }
    text = await openStoredKubeconfig(installId);
  }
  if (text === null) throw new HttpError(502, 'the kubeconfig could not be stored: try again');
  return { text, fileName: fileNameOf(row.name) };
}
