/**
 * Runs the config rules (lib/config/validate.ts) on a redacted config and derives the status an
 * editable install gets: 'draft' while any error remains, 'ready' when none.
 */
import { isInstallStatus, type InstallStatus } from '@/lib/states';
import type { ConfigIssueWithStep } from '@/lib/config/issues';
import type { InstallConfig } from '@/lib/config/schema';
import { validateConfig } from '@/lib/config/validate';

export interface ConfigCheck {
  errors: ConfigIssueWithStep[];
  warnings: ConfigIssueWithStep[];
}

/** Statuses the wizard may recompute on save; later ones (installing, installed, ...) belong to the runner. */
export const EDITABLE_STATUSES = ['draft', 'ready'] as const;

export function checkInstallConfig(config: InstallConfig): ConfigCheck {
  const { errors, warnings } = validateConfig(config);
  return { errors, warnings };
}

export function statusAfterSave(current: string, check: ConfigCheck): InstallStatus {
  if (!(EDITABLE_STATUSES as readonly string[]).includes(current)) return isInstallStatus(current) ? current : 'draft';
  return check.errors.length > 0 ? 'draft' : 'ready';
}
