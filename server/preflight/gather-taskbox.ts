/**
 * Runs the taskbox script (taskbox-script.ts) on an open shell of the taskbox and parses it: as
 * root (sudo for another login user, as the install stages run), or as the login user when sudo
 * is refused (the host's own sudo check reports that). Never throws: a failure is `{ ok: false }`
 * with the system's words.
 */
import type { Host, InstallConfig } from '@/lib/config/schema';
import { getProfile } from '../installer-profiles/profiles';
import { SshError } from '../ssh';
import type { HostShell } from './host-shell';
import { parseTaskboxOutput, type TaskboxFacts } from './parse/taskbox';
import { isTaskbox, taskboxBundlePath, taskboxLoginProblem } from './taskbox';
import { taskboxArgv, type TaskboxProbeSpec } from './taskbox-script';
import { taskboxProbeSpec } from './taskbox-spec';

export type TaskboxLook = { ok: true; facts: TaskboxFacts } | { ok: false; error: string };

/** ansible-playbook --version is bounded by 20 s inside the script; this bounds the rest. */
export const TASKBOX_LOOK_TIMEOUT_MS = 40_000;

const SUDO_KINDS = new Set(['sudo-password', 'not-sudoer', 'sudo-tty']);

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function gatherTaskboxFacts(shell: HostShell, spec: TaskboxProbeSpec, timeoutMs = TASKBOX_LOOK_TIMEOUT_MS): Promise<TaskboxLook> {
  const argv = taskboxArgv(spec);
  const run = (sudo: boolean) => shell.exec(argv, { sudo, timeoutMs });
  try {
    let r = await run(!shell.isRoot).catch((err: unknown) => {
      if (err instanceof SshError && SUDO_KINDS.has(err.kind)) return run(false);
      throw err;
    });
    // the local shell's `sudo -n` refusal prints no section at all
    if (!shell.isRoot && r.exitCode !== 0 && !r.stdout.includes('@@ksw:')) r = await run(false);
    if (!r.stdout.includes('@@ksw:tb-user'))
      return { ok: false, error: `the look at the taskbox printed nothing (exit ${r.exitCode}): ${r.stderr.trim().split('\n').slice(-3).join(' ')}` };
    return { ok: true, facts: parseTaskboxOutput(r.stdout, spec) };
  } catch (err) {
    return { ok: false, error: errorText(err) };
  }
}

/**
 * The taskbox's look during its host check (run-host-checks.ts): the bundle at the install's
 * bundle path and the programs of its profile. Undefined for any other host, and for a taskbox
 * without a login (the shell is then the wizard's own machine, not the taskbox).
 */
export function startTaskboxLook(host: Host, config: InstallConfig, shell: HostShell): Promise<TaskboxLook> | undefined {
  if (!isTaskbox(host, config) || taskboxLoginProblem(host)) return undefined;
  const profile = getProfile(config.installer.profile);
  const location = taskboxBundlePath(config, profile);
  return gatherTaskboxFacts(shell, taskboxProbeSpec(profile, 'path' in location ? location.path : undefined));
}
