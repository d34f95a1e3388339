/**
 * The install gate's own look at the installer bundle on the taskbox, when an install starts
 * (server/install-gate/): one short SSH connection pinned to the host key the operator
 * trusted for the taskbox's endpoint (none trusted: no connection), the taskbox script limited to the bundle and its version, judged by the
 * same judgeBundle as the preflight check. Never throws: every problem is a failed result in
 * operator words. `config` must carry the secrets (the login is used, never shown).
 */
import type { InstallConfig } from '@/lib/config/schema';
import { getProfile } from '../installer-profiles/profiles';
import { SshError, withHost } from '../ssh';
import { judgeBundle } from './checks/bundle';
import { judgeTaskboxMarked } from './checks/taskbox';
import { fail } from './checks/util';
import { gatherTaskboxFacts } from './gather-taskbox';
import { endpointOf, trustedHostKey } from './host-keys';
import { sshTargetOf } from './host-shell';
import { taskboxBundlePath, taskboxLoginHint, taskboxLoginProblem, taskboxOf, taskboxWords } from './taskbox';
import { taskboxProbeSpec } from './taskbox-spec';
import type { CheckResult } from './types';

const CONNECT = { connectTimeoutMs: 5_000, readyTimeoutMs: 10_000 };
const LOOK_TIMEOUT_MS = 15_000;

export async function recheckTaskboxBundle(installId: string, config: InstallConfig): Promise<CheckResult> {
  const taskbox = taskboxOf(config);
  if (!taskbox) return judgeTaskboxMarked(config) ?? fail('No host is the taskbox.', 'Mark the taskbox in the Hosts step.');
  const { the } = taskboxWords(taskbox.name);
  const noLogin = taskboxLoginProblem(taskbox);
  if (noLogin) return fail(noLogin, taskboxLoginHint(taskbox.name));
  const profile = getProfile(config.installer.profile);
  const location = taskboxBundlePath(config, profile);
  if ('problem' in location) return judgeBundle(profile, taskbox.name, location, undefined);

  const key = await trustedHostKey(installId, endpointOf(taskbox));
  if (!key)
    return fail(
      `The host key of ${the} (${endpointOf(taskbox)}) is not trusted, so the wizard does not log in there to check the installer bundle.`,
      'Check the hosts, compare the key with the machine and trust it in the host key panel.',
    );
  const t = sshTargetOf(taskbox);
  if ('missing' in t) return fail(`Cannot log in to ${the} to check the installer bundle: ${t.missing}.`, taskboxLoginHint(taskbox.name));
  const spec = taskboxProbeSpec(profile, location.path, { bundleOnly: true });
  try {
    const look = await withHost({ ...t.target, expectedHostKey: key }, (session) => gatherTaskboxFacts(session, spec, LOOK_TIMEOUT_MS), CONNECT);
    return judgeBundle(profile, taskbox.name, location, look);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const hint = err instanceof SshError ? err.hint : `Check that ${the} is up and reachable, then try again.`;
    return fail(`Could not log in to ${the} to check the installer bundle: ${message}.`, hint);
  }
}
