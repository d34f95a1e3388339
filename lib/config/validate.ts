/**
 * The verdict on an install config, in the three forms its users need:
 * - `validateConfig`: errors and warnings with their wizard step (Review page, API responses);
 * - `installConfigSchema`: the shape schema plus every error-severity rule as a zod issue at the
 *   field's path, for zodResolver and request parsing;
 * - `assertValid`: the gate of the hosts.ini / vars.yml renderer, which accepts only a
 *   `ValidInstallConfig`, a config that passed every error rule.
 */
import { installConfigShape, type InstallConfig } from './schema';
import { withStep, type ConfigIssueWithStep } from './issues';
import { collectIssues } from './rules';

export interface ConfigVerdict {
  errors: ConfigIssueWithStep[];
  warnings: ConfigIssueWithStep[];
}

export function validateConfig(config: InstallConfig): ConfigVerdict {
  const issues = collectIssues(config).map(withStep);
  return {
    errors: issues.filter((issue) => issue.severity === 'error'),
    warnings: issues.filter((issue) => issue.severity === 'warning'),
  };
}

/** `hosts.1.ip` -> `['hosts', 1, 'ip']`: zod and react-hook-form want array indexes as numbers. */
export function issuePathSegments(path: string): (string | number)[] {
  return path.split('.').map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

/** The full install config schema: shape plus every error rule, each at the field that fixes it. */
export const installConfigSchema = installConfigShape.superRefine((config, ctx) => {
  for (const issue of collectIssues(config)) {
    if (issue.severity !== 'error') continue;
    ctx.addIssue({ code: 'custom', path: issuePathSegments(issue.path), message: issue.message, params: { code: issue.code } });
  }
});

declare const validConfigBrand: unique symbol;

/** An InstallConfig that passed every error rule. Only `assertValid` (or `isValidConfig`) makes one. */
export type ValidInstallConfig = InstallConfig & { readonly [validConfigBrand]: true };

export class ConfigInvalidError extends Error {
  readonly errors: ConfigIssueWithStep[];

  constructor(errors: ConfigIssueWithStep[]) {
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    super(first ? `The install config is not valid: ${first.message}${more}` : 'The install config is not valid.');
    this.name = 'ConfigInvalidError';
    this.errors = errors;
  }
}

export function isValidConfig(config: InstallConfig): config is ValidInstallConfig {
  return validateConfig(config).errors.length === 0;
}

/** Returns the config branded as valid, or throws a ConfigInvalidError carrying every error. */
export function assertValid(config: InstallConfig): ValidInstallConfig {
  const { errors } = validateConfig(config);
  if (errors.length > 0) throw new ConfigInvalidError(errors);
  return config as ValidInstallConfig;
}
