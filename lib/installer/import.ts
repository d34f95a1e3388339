/**
 * Import an operator's existing conf/hosts.ini + conf/vars.yml into a config.
 *
 * Invariants:
 * - Never throws on file content; every finding is an ImportProblem with file and 1-based line.
 * - Files over an import limit (import-limits.ts) are not parsed at all: the result is the
 *   starting config and only the limit problems.
 * - Starts from a copy of `base` (or `defaultConfig()`): whatever the files do not say keeps that
 *   value; `base` is never mutated.
 * - Secret values found in the files come back as `{ set: true, value }` for the server to encrypt;
 *   placeholders come back unset (or as base's stored secret), with a warning.
 */
import { defaultConfig } from '../config/defaults';
import type { InstallConfig } from '../config/schema';
import { importHostsIni } from './import-hosts-ini';
import { importLimitProblems } from './import-limits';
import { reporter, type ImportProblem } from './import-problem';
import { importVarsYml } from './import-vars-yml';

export type { ImportProblem } from './import-problem';

export interface ImportInput {
  hostsIni: string;
  varsYml: string;
  base?: InstallConfig;
}

export interface ImportResult {
  config: InstallConfig;
  problems: ImportProblem[];
}

export function importInstallerFiles({ hostsIni, varsYml, base }: ImportInput): ImportResult {
  const config = structuredClone(base ?? defaultConfig());
  const overLimits = importLimitProblems(hostsIni, varsYml);
  if (overLimits.length > 0) return { config, problems: overLimits };
  const problems: ImportProblem[] = [];
  importHostsIni(hostsIni, config, base, reporter('hosts.ini', problems));
  importVarsYml(varsYml, config, base, reporter('vars.yml', problems));
  return { config, problems };
}
