/** One install as the API shows it (secrets as `{set}`); NotFoundError for an unknown id. */
import { getDb } from '../db';
import { NotFoundError } from '../http/errors';
import { toInstallView, type InstallView } from './install-view';

export async function getInstall(id: string): Promise<InstallView> {
  const row = await getDb().install.findUnique({ where: { id } });
  if (!row) throw new NotFoundError(`install ${id} not found`);
  return toInstallView(row);
}
