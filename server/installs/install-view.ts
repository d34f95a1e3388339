/**
 * What the API returns for one install. The config comes from `configJson`, which only ever holds
 * `{set}` markers, so no secret value can reach a response through this view.
 */
import type { Install } from '@prisma/client';
import { isInstallStatus } from '@/lib/states';
import { checkInstallConfig } from './check-install-config';
import { parseStoredConfig } from './parse-stored-config';
import type { InstallView } from '@/lib/api/installs';

export type { InstallView };

export function toInstallView(install: Install): InstallView {
  const config = parseStoredConfig(install);
  const { errors, warnings } = checkInstallConfig(config);
  return {
    id: install.id,
    name: install.name,
    status: isInstallStatus(install.status) ? install.status : 'draft',
    step: install.step,
    config,
    errors,
    warnings,
    createdAt: install.createdAt.toISOString(),
    updatedAt: install.updatedAt.toISOString(),
  };
}
