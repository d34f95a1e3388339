/**
 * The config of an install with every set secret's value filled in. ONLY for the run and preflight
 * code, right before it writes files or opens SSH connections — never for an API response or a log.
 * A login secret held back for another endpoint comes without its value (`enteredFor` says where).
 */
import type { InstallConfig } from '@/lib/config/schema';
import { getDb } from '../db';
import { NotFoundError } from '../http/errors';
import { readStoredSecrets } from './install-secrets';
import { fillSecrets } from './merge-secrets';
import { parseStoredConfig } from './parse-stored-config';

export async function resolveSecrets(installId: string): Promise<InstallConfig> {
  const row = await getDb().install.findUnique({ where: { id: installId } });
  if (!row) throw new NotFoundError(`install ${installId} not found`);
  const stored = readStoredSecrets(row);
  return fillSecrets(parseStoredConfig(row), stored.values, stored.endpoints);
}
