/**
 * Renders an install's `conf/hosts.ini` or `conf/vars.yml` for download: secrets as placeholders
 * (never revealed here; only a run writes real values). A config with rule errors, or a value the
 * renderer refuses, gives a ValidationError (422) instead of a file.
 */
import { assertValid } from '@/lib/config/validate';
import { InstallerRenderError } from '@/lib/installer/errors';
import { renderHostsIni } from '@/lib/installer/hosts-ini';
import { renderVarsYml } from '@/lib/installer/vars-yml';
import { getDb } from '../db';
import { NotFoundError, ValidationError } from '../http/errors';
import { checkInstallConfig } from './check-install-config';
import { parseStoredConfig } from './parse-stored-config';

export const INSTALL_FILES = ['hosts.ini', 'vars.yml'] as const;
export type InstallFile = (typeof INSTALL_FILES)[number];

export function isInstallFile(name: string): name is InstallFile {
  return (INSTALL_FILES as readonly string[]).includes(name);
}

export async function renderInstallFile(installId: string, file: InstallFile): Promise<string> {
  const row = await getDb().install.findUnique({ where: { id: installId } });
  if (!row) throw new NotFoundError(`install ${installId} not found`);
  const config = parseStoredConfig(row);
  const { errors, warnings } = checkInstallConfig(config);
  if (errors.length > 0) throw new ValidationError(errors, warnings);
  const valid = assertValid(config);
  try {
    return file === 'hosts.ini' ? renderHostsIni(valid, { secrets: 'placeholder' }) : renderVarsYml(valid, { secrets: 'placeholder' });
  } catch (err) {
    if (err instanceof InstallerRenderError) throw new ValidationError([{ path: file, message: err.message }], warnings);
    throw err;
  }
}
