/**
 * The one loader of the install gate's facts (decide-install-gate.ts weighs them): the install's
 * config and its latest preflight picture, the current hosts with their login fingerprints (secrets
 * are decrypted here only to be fingerprinted, and to log in to the taskbox for the bundle's look),
 * the hosts of the other installs, and — only when the decision reaches it — the installer bundle
 * on the taskbox, looked at again over SSH pinned to its trusted host key.
 */
import { collectIssues } from '@/lib/config/rules';
import { getDb } from '../db';
import { NotFoundError } from '../http/errors';
import { findOtherInstallHosts } from '../installs/find-cross-install-hosts';
import { readStoredSecrets } from '../installs/install-secrets';
import { fillSecrets } from '../installs/merge-secrets';
import { parseStoredConfig } from '../installs/parse-stored-config';
import { heldSecretsOf } from '../preflight/host-shell';
import { loadLatestPicture } from '../preflight/load-picture';
import { checkedTargets } from '../preflight/login-fingerprint';
import { preflightHosts } from '../preflight/preflight-hosts';
import { recheckTaskboxBundle } from '../preflight/recheck-taskbox-bundle';
import { needsBundleLook, type GateFacts, type GatePurpose } from './decide-install-gate';

export async function loadGateFacts(installId: string, acknowledged: boolean, purpose: GatePurpose): Promise<GateFacts> {
  const row = await getDb().install.findUnique({ where: { id: installId } });
  if (!row) throw new NotFoundError(`install ${installId} not found`);
  const config = parseStoredConfig(row);
  const picture = await loadLatestPicture(row);
  const stored = readStoredSecrets(row);
  const withSecrets = fillSecrets(config, stored.values, stored.endpoints);
  const machines = preflightHosts(withSecrets);
  const held = machines.map(heldSecretsOf).filter((m): m is string => m !== undefined);
  const facts: Omit<GateFacts, 'bundle'> = {
    purpose,
    acknowledged,
    picture: picture ? { runId: picture.view.runId, status: picture.view.status, checked: picture.checked, rows: picture.rows } : null,
    now: checkedTargets(installId, machines),
    held,
    // the same warning the wizard shows at the field (lib/config/rules/ssh-login.ts)
    heldSecretIssues:
      held.length > 0
        ? collectIssues(config)
            .filter((i) => i.code.endsWith('.secret-held'))
            .map(({ path, message }) => ({ path, message }))
        : [],
    hosts: config.hosts,
    otherInstallHosts: await findOtherInstallHosts(installId),
  };
  // The installer settings, or the bundle on the taskbox, may have changed since a check that
  // passed: look at the bundle there again now, as the stages will find it.
  const bundle = needsBundleLook(facts) ? await recheckTaskboxBundle(installId, withSecrets) : null;
  return { ...facts, bundle };
}
