/** Parses `Install.configJson` back into the model (the stored form always holds `{set}` markers only). */
import { installConfigShape, type InstallConfig } from '@/lib/config/schema';
import { upgradeStoredConfig } from './upgrade-stored-config';

export function parseStoredConfig(install: { id: string; configJson: string }): InstallConfig {
  const parsed = installConfigShape.safeParse(upgradeStoredConfig(JSON.parse(install.configJson)));
  if (!parsed.success) throw new Error(`stored config of install ${install.id} does not match the config model`);
  return parsed.data;
}
