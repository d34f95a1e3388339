/**
 * The verdict on an installed install's config: every rule of validate.ts plus the cluster-member
 * rules (rules/cluster-members.ts) against the nodes that joined, in the same two forms — issues
 * with their step (the wizard's live lists) and a zod schema that puts each error at its field (the
 * wizard's resolver, so a renamed node or a new master is refused as the operator types). The
 * server applies the same rules on save (server/installs/save-install-config.ts). Pure.
 */
import { withStep } from './issues';
import { clusterMemberIssues, type ClusterMember } from './rules/cluster-members';
import { installConfigSchema, issuePathSegments, validateConfig, type ConfigVerdict } from './validate';
import type { InstallConfig } from './schema';

export function validateClusterConfig(config: InstallConfig, members: readonly ClusterMember[]): ConfigVerdict {
  const verdict = validateConfig(config);
  if (members.length === 0) return verdict;
  return { ...verdict, errors: [...clusterMemberIssues(config, members).map(withStep), ...verdict.errors] };
}

/** installConfigSchema, plus the cluster-member rules while `members` is not empty. */
export function clusterConfigSchema(members: readonly ClusterMember[]) {
  if (members.length === 0) return installConfigSchema;
  return installConfigSchema.superRefine((config, ctx) => {
    for (const issue of clusterMemberIssues(config, members)) {
      ctx.addIssue({ code: 'custom', path: issuePathSegments(issue.path), message: issue.message, params: { code: issue.code } });
    }
  });
}
