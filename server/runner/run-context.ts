/**
 * Everything a run needs to execute, loaded once per drive: the install's config WITH secret values
 * (kept in memory only), the profile, the run dir and the redactor built from those secrets.
 * Never serialise a RunContext.
 */
import { assertValid, type ValidInstallConfig } from '@/lib/config/validate';
import { renderHostsIni } from '@/lib/installer/hosts-ini';
import { getDb } from '../db';
import { resolveSecrets } from '../installs/resolve-secrets';
import { labDirectory } from '../lab/read-lab';
import { getProfile, type InstallerProfile } from './profiles';
import { collectSecretValues, createRedactor, type Redactor } from './redact';
import { bundlePathOf, prepareRunDir, renderKnownHosts, runDirOf, writeExtraVars, writeInventory, type KnownHost } from './run-files';
import path from 'node:path';
import fs from 'node:fs';

export interface RunContext {
  runId: string;
  installId: string;
  config: ValidInstallConfig;
  profile: InstallerProfile;
  runDir: string;
  projectDir: string;
  redact: Redactor;
  extraVars: Record<string, unknown>;
}

/** Trusted host keys of the install; for a profile with `labKnownHosts`, the lab's known_hosts fills gaps. */
async function knownHostsFor(installId: string, config: ValidInstallConfig, profile: InstallerProfile): Promise<string> {
  const rows = await getDb().hostKey.findMany({ where: { installId, trusted: true } });
  const keys: KnownHost[] = [];
  for (const host of config.hosts) {
    const row = rows.find((r) => r.host === host.name);
    if (row) keys.push({ address: host.address, port: host.port, algorithm: row.algorithm, publicKey: row.publicKey });
  }
  let text = keys.length > 0 ? renderKnownHosts(keys) : '';
  if (profile.labKnownHosts && keys.length < config.hosts.length) {
    const labFile = path.join(labDirectory(), 'known_hosts');
    if (fs.existsSync(labFile)) text += fs.readFileSync(labFile, 'utf8');
  }
  return text;
}

export async function loadRunContext(runId: string): Promise<RunContext> {
  const run = await getDb().run.findUniqueOrThrow({ where: { id: runId } });
  const resolved = await resolveSecrets(run.installId);
  const redact = createRedactor(collectSecretValues(resolved));
  let config: ValidInstallConfig;
  try {
    config = assertValid(resolved);
  } catch (err) {
    // no `cause`: the original message may hold a secret value; only the redacted one travels on
    // eslint-disable-next-line preserve-caught-error
    throw new Error(redact((err as Error).message));
  }
  const profile = getProfile(config.installer.profile);
  const runDir = runDirOf(runId);
  const projectDir = prepareRunDir({ runDir, bundlePath: bundlePathOf(config, profile), profile, knownHosts: await knownHostsFor(run.installId, config, profile) });
  writeInventory(runDir, renderHostsIni(config, { secrets: 'placeholder', keyFileFor: (h) => path.join(runDir, 'keys', h.name) }));
  const userVars = run.extraVars ? (JSON.parse(run.extraVars) as Record<string, unknown>) : {};
  const extraVars = { ...userVars, ksw_install_id: run.installId, ksw_run_id: runId };
  writeExtraVars(runDir, extraVars);
  return { runId, installId: run.installId, config, profile, runDir, projectDir, redact, extraVars };
}
