/**
 * What the API returns for one install. The config comes from `configJson`, which only ever holds
 * `{set}` markers, so no secret value can reach a response through this view.
 */
import type { Install } from '@prisma/client';
import { isInstallStatus, type InstallStatus } from '@/lib/states';
import type { ConfigIssueWithStep } from '@/lib/config/issues';
import type { InstallConfig } from '@/lib/config/schema';
import { checkInstallConfig } from './check-install-config';
import { parseStoredConfig } from './parse-stored-config';

export interface InstallView {
  id: string;
  name: string;
  status: InstallStatus;
  step: string;
  config: InstallConfig;
  errors: ConfigIssueWithStep[];
  warnings: ConfigIssueWithStep[];
  createdAt: string;
  updatedAt: string;
}

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
