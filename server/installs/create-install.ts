/**
 * Creates an install from a name and an optional config (default: lib/config/defaults). A new
 * install is always saved, as 'draft' while rule errors remain. Secret values in the config are
 * encrypted into secretsEnc; configJson gets `{set}` markers only.
 */
import { defaultConfig } from '@/lib/config/defaults';
import type { InstallConfig } from '@/lib/config/schema';
import { getDb } from '../db';
import { toInstallView, type InstallView } from './install-view';
import { saveInstallConfig } from './save-install-config';

export interface CreateInstallInput {
  name: string;
  config?: InstallConfig;
}

export async function createInstall(input: CreateInstallInput): Promise<InstallView> {
  const db = getDb();
  const saved = await db.$transaction(async (tx) => {
    const row = await tx.install.create({
      data: { name: input.name, status: 'draft', configJson: JSON.stringify(defaultConfig()) },
    });
    const config = input.config ?? defaultConfig();
    return (await saveInstallConfig(tx, row, { config, refuseErrors: false })).install;
  });
  return toInstallView(saved);
}
