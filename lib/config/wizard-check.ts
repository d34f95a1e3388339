/**
 * The wizard's first verdict on a stored config, computed where the page is rendered (the server)
 * so the browser does not need the rules and zod to show it: the issues per step (the stepper's
 * badges, the lists) and the field errors exactly as the wizard's resolver gives them (react-hook-
 * form's nested FieldErrors), so every field shows the same error before and after the rules load
 * in the browser (on the first interaction). Pure.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors } from 'react-hook-form';
import { clusterConfigSchema, validateClusterConfig } from './cluster-validate';
import type { ConfigIssueWithStep } from './issues';
import type { ClusterMember } from './rules/cluster-members';
import type { InstallConfig } from './schema';

export interface WizardCheck {
  errors: ConfigIssueWithStep[];
  warnings: ConfigIssueWithStep[];
  fieldErrors: FieldErrors<InstallConfig>;
}

/** The resolver the wizard's form validates with: the config schema plus the cluster's member rules. */
export function clusterConfigResolver(members: readonly ClusterMember[]) {
  return zodResolver(clusterConfigSchema(members));
}

export async function wizardCheck(config: InstallConfig, members: readonly ClusterMember[]): Promise<WizardCheck> {
  const { errors, warnings } = validateClusterConfig(config, members);
  const resolved = await clusterConfigResolver(members)(config, undefined, { fields: {}, shouldUseNativeValidation: false });
  return { errors, warnings, fieldErrors: resolved.errors };
}
