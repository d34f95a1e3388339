/**
 * The shared write path of create / update / import: merge the incoming secrets with the stored ones
 * (refused with 422 at the field, drafts included, when a kept secret cannot be found), check the rules on the merged (redacted) config, then — unless `refuseErrors` and errors exist —
 * write configJson (markers only), secretsEnc (sealed), status and Node rows in one transaction.
 * While the cluster exists (Node.joinedAt), its nodes' lines cannot change (cluster-members.ts), drafts included.
 */
import type { Install, Prisma } from '@prisma/client';
import { withStep } from '@/lib/config/issues';
import { clusterMemberIssues } from '@/lib/config/rules/cluster-members';
import type { InstallConfig } from '@/lib/config/schema';
import { ValidationError } from '../http/errors';
import { setEditedInstallStatus } from '../status/install-status';
import { checkInstallConfig, statusAfterSave, type ConfigCheck } from './check-install-config';
import { clusterMembers } from './mark-joined';
import { readStoredSecrets, sealStoredSecrets } from './install-secrets';
import { mergeSecrets } from './merge-secrets';
import { parseStoredConfig } from './parse-stored-config';
import { syncNodes } from './sync-nodes';

export interface SaveInput {
  config: InstallConfig;
  name?: string;
  step?: string;
  /** When true, rule errors refuse the save with a 422 and nothing is written. */
  refuseErrors: boolean;
}

export async function saveInstallConfig(tx: Prisma.TransactionClient, install: Install, input: SaveInput): Promise<{ install: Install; check: ConfigCheck }> {
  const previous = parseStoredConfig(install);
  const stored = readStoredSecrets(install);
  const { redacted, secrets, endpoints, unmatched } = mergeSecrets(input.config, previous, stored.values, stored.endpoints);
  // even for a draft: saving would drop a stored secret the operator still sees as set
  if (unmatched.length > 0) throw new ValidationError(unmatched);
  // while the cluster exists its nodes keep their lines (drafts included): refused at the field
  const memberIssues = clusterMemberIssues(redacted, await clusterMembers(install.id, tx)).map(withStep);
  if (memberIssues.length > 0) throw new ValidationError(memberIssues);
  const check = checkInstallConfig(redacted);
  if (input.refuseErrors && check.errors.length > 0) throw new ValidationError(check.errors, check.warnings);
  await setEditedInstallStatus(tx, install.id, install.status, statusAfterSave(install.status, check));
  const saved = await tx.install.update({
    where: { id: install.id },
    data: {
      name: input.name ?? install.name,
      step: input.step ?? install.step,
      configJson: JSON.stringify(redacted),
      secretsEnc: sealStoredSecrets(install.id, secrets, endpoints),
    },
  });
  await syncNodes(tx, install.id, redacted.hosts);
  return { install: saved, check };
}
