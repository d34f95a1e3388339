import { stepForPath, type WizardStepId } from './steps';

export type Severity = 'error' | 'warning';

/**
 * One broken rule. `path` is the dot path of the field that fixes it (e.g. `hosts.1.roles.etcd`,
 * `storage.nfs.server`, or a group path such as `roles.etcd` for count rules), `code` a stable id
 * for tests and docs. Errors block; warnings inform.
 */
export interface ConfigIssue {
  severity: Severity;
  code: string;
  path: string;
  message: string;
}

export interface ConfigIssueWithStep extends ConfigIssue {
  step: WizardStepId;
}

export const withStep = (issue: ConfigIssue): ConfigIssueWithStep => ({ ...issue, step: stepForPath(issue.path) });
