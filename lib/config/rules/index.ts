/**
 * Every rule the KubeSphere 2.0.2 installer (and the Kubespray 2.9 underneath it) imposes on an
 * install config, as small rule functions, one per concern.
 *
 * Invariants:
 * - `collectIssues` is pure and total: it never throws, whatever the (shape-valid) config holds.
 * - Each issue has a stable `code`, and a `path` that is the dot path of the field that fixes it
 *   (`hosts.1.ip`, `storage.nfs.server`) or, for count rules, a group path (`roles.etcd`,
 *   `storage`, `hosts`, `loadBalancer`). Array indexes are numeric segments.
 * - Duplicates are reported on the later host; the message names the earlier one.
 * - Errors block rendering the installer files; warnings only inform. `installConfigSchema`
 *   (../validate.ts) turns the errors into zod issues, so forms, API and renderer share one verdict.
 * - A safety issue (../safe-values.ts) is dropped when another error already points at the same
 *   field: one problem per field is enough for the operator.
 * - Messages are operator sentences that name the host or value and say what to do. Secret values
 *   are never echoed.
 */
import type { InstallConfig } from '../schema';
import type { ConfigIssue } from '../issues';
import type { Rule } from './helpers';
import { duplicateHostRules, hostCountRules, hostFieldRules, taskboxRules } from './hosts';
import { etcdRules, masterCountRules, requiredRoleRules } from './roles';
import { loadBalancerRules } from './load-balancer';
import { networkRules } from './network';
import { installerMachineRules } from './installer-machine';
import { cephRbdRules, defaultClassRules, glusterfsRules, localVolumeRules, neonsanRules, nfsRules, qingcloudRules, storageClassNameRules } from './storage';
import { consolePortRules, devopsMemoryRules, etcdBackupRules, quantityRules, registryMirrorRules } from './options';
import { safetyRules } from './safety';

export type { Rule };

/** Every rule, in the order the wizard shows its steps. */
export const RULES: readonly Rule[] = [
  hostCountRules,
  hostFieldRules,
  duplicateHostRules,
  taskboxRules,
  requiredRoleRules,
  etcdRules,
  masterCountRules,
  loadBalancerRules,
  defaultClassRules,
  localVolumeRules,
  storageClassNameRules,
  nfsRules,
  cephRbdRules,
  glusterfsRules,
  qingcloudRules,
  neonsanRules,
  networkRules,
  installerMachineRules,
  consolePortRules,
  quantityRules,
  registryMirrorRules,
  etcdBackupRules,
  devopsMemoryRules,
  safetyRules,
];

const isSafetyIssue = (issue: ConfigIssue): boolean => issue.code.startsWith('safety.');

/** All errors and warnings of `config`, in step order. */
export function collectIssues(config: InstallConfig): ConfigIssue[] {
  const issues = RULES.flatMap((rule) => rule(config));
  const pathsWithOtherErrors = new Set(issues.filter((issue) => issue.severity === 'error' && !isSafetyIssue(issue)).map((issue) => issue.path));
  return issues.filter((issue) => !isSafetyIssue(issue) || !pathsWithOtherErrors.has(issue.path));
}
