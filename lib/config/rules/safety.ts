/** Safety rules: every value written into hosts.ini and vars.yml is checked by ../safe-values.ts (vars.yml's: each field catalogue entry's safety kind). */
import { readList, readSecret, readString } from '../fields/access';
import { FIELD_CATALOGUE, safetyKindOf } from '../fields/catalogue';
import type { FieldEntry } from '../fields/types';
import type { InstallConfig } from '../schema';
import type { Secret } from '../secret';
import type { ConfigIssue } from '../issues';
import { unsafeValueProblem, type UnsafeValueKind } from '../safe-values';
import { error, hostLabel, hostPath, indexedHosts, type Rule } from './helpers';

interface WrittenValue {
  path: string;
  label: string;
  value: string | undefined;
}

const secretText = (secret: Secret): string | undefined => (secret.set ? secret.value : undefined);

function hostsIniValues(config: InstallConfig): WrittenValue[] {
  return indexedHosts(config).flatMap((entry) => {
    const { host, index } = entry;
    const of = hostLabel(entry);
    const values: WrittenValue[] = [
      { path: hostPath(index, 'name'), label: `Name of ${of}`, value: host.name },
      { path: hostPath(index, 'ip'), label: `Internal IP of ${of}`, value: host.ip },
      { path: hostPath(index, 'user'), label: `SSH user of ${of}`, value: host.user },
      { path: hostPath(index, 'becomePassword'), label: `Sudo password of ${of}`, value: secretText(host.becomePassword) },
    ];
    // the taskbox's line is local: its SSH login is the wizard's alone and never reaches Ansible
    if (host.taskbox) return values;
    values.push({ path: hostPath(index, 'address'), label: `SSH address of ${of}`, value: host.address });
    if (host.auth.kind === 'password')
      values.push({ path: hostPath(index, 'auth.password'), label: `SSH password of ${of}`, value: secretText(host.auth.password) });
    if (host.auth.kind === 'key')
      values.push({ path: hostPath(index, 'auth.passphrase'), label: `Key passphrase of ${of}`, value: secretText(host.auth.passphrase) });
    return values;
  });
}

/** Every text a catalogue field writes into vars.yml, named by the field's label (lists: per item). */
export function catalogueValues(config: InstallConfig, catalogue: readonly FieldEntry[] = FIELD_CATALOGUE): WrittenValue[] {
  return catalogue.flatMap((entry): WrittenValue[] => {
    if (safetyKindOf(entry) !== 'yaml-string') return [];
    switch (entry.kind) {
      case 'secret':
        return [{ path: entry.path, label: entry.label, value: secretText(readSecret(config, entry.path)) }];
      case 'list':
        return readList(config, entry.path).map((item, index) => ({ path: `${entry.path}.${index}`, label: entry.itemLabel, value: item }));
      default:
        return [{ path: entry.path, label: entry.label, value: readString(config, entry.path) }];
    }
  });
}

function varsYmlValues(config: InstallConfig): WrittenValue[] {
  const { loadBalancer } = config;
  const values: WrittenValue[] = [{ path: 'clusterName', label: 'Cluster name', value: config.clusterName }, ...catalogueValues(config)];
  if (loadBalancer.kind === 'external') {
    values.push(
      { path: 'loadBalancer.address', label: 'Load balancer address', value: loadBalancer.address },
      { path: 'loadBalancer.domain', label: 'Load balancer domain', value: loadBalancer.domain },
    );
  }
  if (loadBalancer.kind === 'internal') {
    values.push(
      { path: 'loadBalancer.vip', label: 'Virtual IP', value: loadBalancer.vip },
      { path: 'loadBalancer.domain', label: 'Load balancer domain', value: loadBalancer.domain },
    );
  }
  return values;
}

/** What the internal LB's own inventory (the LB stage's, YAML read by Ansible) carries per LB host. */
function lbInventoryValues(config: InstallConfig): WrittenValue[] {
  const lb = config.loadBalancer;
  if (lb.kind !== 'internal') return [];
  return lb.hosts.flatMap((host, index) => {
    const of = host.name.trim() || `LB host ${index + 1}`;
    const at = (field: string) => `loadBalancer.hosts.${index}.${field}`;
    const values: WrittenValue[] = [
      { path: at('name'), label: `Name of ${of}`, value: host.name },
      { path: at('address'), label: `SSH address of ${of}`, value: host.address },
      { path: at('ip'), label: `IP of ${of}`, value: host.ip },
      { path: at('user'), label: `SSH user of ${of}`, value: host.user },
      { path: at('becomePassword'), label: `Sudo password of ${of}`, value: secretText(host.becomePassword) },
    ];
    if (host.auth.kind === 'password') values.push({ path: at('auth.password'), label: `SSH password of ${of}`, value: secretText(host.auth.password) });
    return values;
  });
}

export function unsafeValueIssues(values: WrittenValue[], kind: UnsafeValueKind, code: string): ConfigIssue[] {
  return values.flatMap(({ path, label, value }) => {
    const problem = value === undefined ? undefined : unsafeValueProblem(value, kind);
    return problem === undefined ? [] : [error(code, path, `${label} ${problem}.`)];
  });
}

export const safetyRules: Rule = (config) => [
  ...unsafeValueIssues(hostsIniValues(config), 'ini-token', 'safety.hosts-ini'),
  ...unsafeValueIssues(varsYmlValues(config), 'yaml-string', 'safety.vars-yml'),
  ...unsafeValueIssues(lbInventoryValues(config), 'yaml-string', 'safety.lb-inventory'),
];
