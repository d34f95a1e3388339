/**
 * Everything a run needs to execute, loaded once per drive: the install's config WITH secret values
 * (kept in memory only), the profile, the taskbox link and the redactor built from those secrets.
 * Never serialise a RunContext.
 */
import { assertValid, type ValidInstallConfig } from '@/lib/config/validate';
import { getDb } from '../db';
import { resolveSecrets } from '../installs/resolve-secrets';
import { applicableProfile, getProfile, type InstallerProfile } from '../installer-profiles/profiles';
import { isOperationKind, type RunOperation } from './operation-flows';
import { collectSecretValues, createRedactor, type Redactor } from './redact';
import { runDirOf } from './run-files';
import { TaskboxLink } from './taskbox/taskbox-link';
import { knownHostsFor, taskboxTarget } from './taskbox/taskbox-target';
import { decodeRunColumns } from './run-columns';

export interface RunContext {
  runId: string;
  installId: string;
  config: ValidInstallConfig;
  profile: InstallerProfile;
  /** The bundle's path ON THE TASKBOX. */
  bundle: string;
  /** The wizard's own scratch dir for this run (keys are unlocked there, then deleted). */
  runDir: string;
  redact: Redactor;
  extraVars: Record<string, unknown>;
  link: TaskboxLink;
  knownHosts: string;
  /** What the run is: the install, or a day-2 operation (operation-flows.ts). */
  operation: RunOperation;
  /** The hosts a day-2 operation is about ([] for an install). */
  targets: string[];
}

export function bundleOnTaskbox(config: ValidInstallConfig, profile: InstallerProfile): string {
  const p = config.installer.bundlePath.trim() || profile.defaultBundlePath;
  if (!p) throw new Error('the install has no installer bundle path: set the path of the unpacked bundle on the taskbox in the installer settings');
  if (!p.startsWith('/')) throw new Error(`the installer bundle path must be an absolute path on the taskbox, not ${JSON.stringify(p)}`);
  return p.replace(/\/+$/, '');
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
  const profile = applicableProfile(getProfile(config.installer.profile), config.loadBalancer);
  const columns = decodeRunColumns(run);
  const extraVars = { ...columns.extraVars, ksw_install_id: run.installId, ksw_run_id: runId };
  const link = new TaskboxLink(await taskboxTarget(run.installId, config, profile));
  const knownHosts = await knownHostsFor(run.installId, config, profile);
  const operation: RunOperation = isOperationKind(run.operation) ? run.operation : 'install';
  return {
    runId,
    installId: run.installId,
    config,
    profile,
    bundle: bundleOnTaskbox(config, profile),
    runDir: runDirOf(runId),
    redact,
    extraVars,
    link,
    knownHosts,
    operation,
    targets: columns.targets,
  };
}
