/**
 * conf/vars.yml for the KubeSphere 2.0.2 installer, line by line from the field catalogue
 * (lib/config/fields/), which is in the shipped file's section order (reference §2.1): the
 * QingCloud API block (`##config`), the QingCloud LB plugin, the `# Storage configuration` banner,
 * then the `# Cluster configuration` banner.
 *
 * Invariants:
 * - Key names are the catalogue's for `config.target`; values only from `yamlScalar` (the `yaml`
 *   library, YAML 1.1); comments are the catalogue's fixed text, never user strings.
 * - Empty model values are written as the installer's own placeholders (the entry's `emptyToken`:
 *   SHOULD_BE_REPLACED, ACCESS_KEY_ID, ZONE, IP:PORT, CLUSTER_NAME); unset secrets likewise. Set
 *   secrets are MASK in placeholder mode and their value in reveal mode.
 * - `loadbalancer_apiserver` is uncommented only for an external (or internal) LB; the domain only
 *   when it differs from lb.kubesphere.local. Lists without an `emptyItem` and strings with
 *   `commentedWhenEmpty` are commented out when empty. Nested lines are indented by two spaces.
 */
import { DEFAULT_LB_DOMAIN, DEFAULT_LB_PORT } from '../config/defaults';
import { readBool, readList, readNumber, readSecret, readString } from '../config/fields/access';
import { keyOf, VARS_LINES } from '../config/fields/catalogue';
import { VARS_HEADER, type LoadBalancerLines, type VarsLine } from '../config/fields/layout';
import { TARGET_CONSTANTS } from '../config/fields/targets';
import type { FieldEntry } from '../config/fields/types';
import { loadBalancerEndpoint } from '../config/lb-endpoint';
import type { InstallConfig } from '../config/schema';
import type { ValidInstallConfig } from '../config/validate';
import { InstallerRenderError } from './errors';
import { secretText, type SecretMode } from './placeholders';
import { yamlScalar } from './yaml-scalar';

export interface VarsYmlOptions {
  secrets: SecretMode;
}

function fieldLines(config: InstallConfig, entry: FieldEntry, opts: VarsYmlOptions): string[] {
  const key = keyOf(entry.keys, config.target);
  switch (entry.kind) {
    case 'bool':
      return [`${key}: ${yamlScalar(readBool(config, entry.path), key)}`];
    case 'int':
      return [`${key}: ${yamlScalar(readNumber(config, entry.path), key)}`];
    case 'enum':
      return [`${key}: ${yamlScalar(readString(config, entry.path), key)}`];
    case 'string': {
      const value = readString(config, entry.path);
      if (value === '' && entry.commentedWhenEmpty !== undefined) return [`# ${key}: ${entry.commentedWhenEmpty}`];
      return [`${key}: ${yamlScalar(value === '' && entry.emptyToken !== undefined ? entry.emptyToken : value, key)}`];
    }
    case 'secret':
      return [`${key}: ${yamlScalar(secretText(readSecret(config, entry.path), opts.secrets, entry.emptyToken, key), key)}`];
    case 'list': {
      const items = readList(config, entry.path);
      if (items.length > 0) return [`${key}:`, ...items.map((item, i) => `  - ${yamlScalar(item, `${key}[${i}]`)}`)];
      if (entry.emptyItem !== undefined) return [`${key}:`, `  - ${yamlScalar(entry.emptyItem, key)}`];
      return [`# ${key}:`, ...(entry.commentedExamples ?? []).map((example) => `#   - ${example}`)];
    }
  }
}

function loadBalancerLines(config: InstallConfig, block: LoadBalancerLines): string[] {
  const domainKey = keyOf(block.keys.domain, config.target);
  const lbKey = keyOf(block.keys.apiserver, config.target);
  const lines = ["# HA: a TCP load balancer in front of every master's port 6443; address must be an IP", '## External LB example config'];
  // an internal LB (keepalived + HAProxy built by the wizard) is written exactly as an external one
  const lb = loadBalancerEndpoint(config.loadBalancer);
  if (lb && lb.domain !== DEFAULT_LB_DOMAIN) {
    lines.push(`${domainKey}: ${yamlScalar(lb.domain, domainKey, 'double')}`);
  } else {
    lines.push(`## ${domainKey}: "${DEFAULT_LB_DOMAIN}"`);
  }
  if (lb) {
    lines.push(`${lbKey}:`, `  address: ${yamlScalar(lb.address, `${lbKey}.address`)}`, `  port: ${yamlScalar(lb.port, `${lbKey}.port`)}`);
  } else {
    lines.push(`#${lbKey}:`, '#  address: 192.168.0.10', `#  port: ${DEFAULT_LB_PORT}`);
  }
  return lines;
}

/**
 * `lines` is the catalogue; a test passes it with an entry added, to show that one entry is all a
 * new key needs.
 */
export function renderVarsYml(config: ValidInstallConfig, opts: VarsYmlOptions, lines: readonly VarsLine[] = VARS_LINES): string {
  const constants = TARGET_CONSTANTS[config.target];
  if (constants === undefined) throw new InstallerRenderError(`target ${config.target} cannot be rendered`);
  const out: string[] = [...VARS_HEADER];
  for (const line of lines) {
    if (line.kind === 'text') {
      out.push(...line.lines);
      continue;
    }
    out.push(...(line.comment ?? []));
    if (line.kind === 'constant') {
      const value = constants[line.key];
      if (value === undefined) throw new InstallerRenderError(`no ${line.key} for target ${config.target}`);
      out.push(`${line.key}: ${yamlScalar(value, line.key)}`);
    } else if (line.kind === 'loadBalancer') {
      out.push(...loadBalancerLines(config, line));
    } else {
      out.push(...fieldLines(config, line, opts));
    }
  }
  return `${out.join('\n')}\n`;
}
