/**
 * Saves a new config (and optionally name / step) for an install. Without `draft: true`, rule errors
 * refuse the save (ValidationError -> 422) and nothing is written; with `draft: true` the config is
 * saved anyway and its errors/warnings come back in the view. Refused (409) while a run is installing
 * or a day-2 operation runs on the install (the refusal names the run).
 */
import type { InstallConfig } from '@/lib/config/schema';
import { getDb } from '../db';
import { NotFoundError } from '../http/errors';
import { assertNotInstalling } from './assert-not-installing';
import { assertNoActiveOperation } from './assert-no-active-operation';
import { toInstallView, type InstallView } from './install-view';
import { saveInstallConfig } from './save-install-config';

export interface UpdateInstallInput {
  config: InstallConfig;
  name?: string;
  step?: string;
  draft?: boolean;
}

export async function updateInstall(id: string, input: UpdateInstallInput): Promise<InstallView> {
  const saved = await getDb().$transaction(async (tx) => {
    const row = await tx.install.findUnique({ where: { id } });
    if (!row) throw new NotFoundError(`install ${id} not found`);
    assertNotInstalling(row);
    await assertNoActiveOperation(tx, id);
    const { install } = await saveInstallConfig(tx, row, {
      config: input.config,
      name: input.name,
      step: input.step,
      refuseErrors: input.draft !== true,
    });
    return install;
  });
  return toInstallView(saved);
}
