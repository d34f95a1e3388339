/**
 * Creates an install from an existing `conf/hosts.ini` + `conf/vars.yml` (lib/installer/import.ts).
 * Any error-severity import problem refuses the import (ValidationError with `file:line` paths) and
 * nothing is saved; otherwise the install is created — as a draft while rule errors remain — and the
 * import warnings come back beside the rule warnings. Secrets found in the files are encrypted.
 */
import type { InstallerSettings } from '@/lib/config/schema';
import { importInstallerFiles } from '@/lib/installer/import';
import { ValidationError, type FieldIssue } from '../http/errors';
import { createInstall } from './create-install';
import type { ImportedInstall } from '@/lib/api/installs';

export type { ImportedInstall };

export interface ImportInstallInput {
  name: string;
  hostsIni: string;
  varsYml: string;
  installer?: Partial<InstallerSettings>;
}

export async function importInstall(input: ImportInstallInput): Promise<ImportedInstall> {
  const { config, problems } = importInstallerFiles({ hostsIni: input.hostsIni, varsYml: input.varsYml });
  const asIssue = (p: (typeof problems)[number]): FieldIssue => ({ path: p.line > 0 ? `${p.file}:${p.line}` : p.file, message: p.message });
  const errors = problems.filter((p) => p.severity === 'error').map(asIssue);
  const importWarnings = problems.filter((p) => p.severity !== 'error').map(asIssue);
  if (errors.length > 0) throw new ValidationError(errors, importWarnings);
  const view = await createInstall({ name: input.name, config: { ...config, installer: { ...config.installer, ...input.installer } } });
  return { ...view, warnings: [...importWarnings, ...view.warnings] };
}
