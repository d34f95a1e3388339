/**
 * The files one stage needs on the taskbox. Pure: every secret comes in as a value and leaves only
 * inside files under the stage's secret/ dir (0600 in a 0700 dir).
 *
 *   run.sh, extra-vars.json, known_hosts      no secret (0600 all the same: root's business)
 *   secret/hosts.yml                          per host: ansible_ssh_pass, ansible_become_pass,
 *                                             ansible_ssh_private_key_file (the inventory source
 *                                             given after the bundle's overrides its placeholders)
 *   secret/vars.json                          the vars.yml entries that are secrets, revealed
 *   secret/keys/<host>                        private keys, already unlocked (no passphrase)
 */
import { parse as parseYaml } from 'yaml';
import type { Host } from '@/lib/config/schema';
import { secretValue } from '@/lib/config/secret';
import type { ValidInstallConfig } from '@/lib/config/validate';
import { renderVarsYml } from '@/lib/installer/vars-yml';
import type { RemoteFile } from './remote-files';
import type { StagePaths } from './layout';

/** The top-level vars.yml keys whose values differ between the revealed and the placeholder render. */
export function secretVarsOf(config: ValidInstallConfig): Record<string, unknown> {
  const revealed = parseYaml(renderVarsYml(config, { secrets: 'reveal' })) as Record<string, unknown> | null;
  const masked = parseYaml(renderVarsYml(config, { secrets: 'placeholder' })) as Record<string, unknown> | null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(revealed ?? {})) {
    if (JSON.stringify(v) !== JSON.stringify(masked?.[k])) out[k] = v;
  }
  return out;
}

/** Connection secrets of one host (a cluster host, or an internal LB host) as Ansible host vars; the taskbox itself is local. */
export function hostSecretVars(
  host: Pick<Host, 'name' | 'user' | 'auth' | 'becomePassword'> & { taskbox?: boolean },
  paths: StagePaths,
  hasKey: boolean,
): Record<string, string> {
  const vars: Record<string, string> = {};
  if (!host.taskbox && host.auth.kind === 'password') {
    const pw = secretValue(host.auth.password);
    if (pw) vars.ansible_ssh_pass = pw;
  }
  if (!host.taskbox && host.auth.kind === 'key' && hasKey) vars.ansible_ssh_private_key_file = paths.keyFile(host.name);
  const become = secretValue(host.becomePassword);
  if (host.user !== 'root' && become) vars.ansible_become_pass = become;
  return vars;
}

export interface StageFilesInput {
  config: ValidInstallConfig;
  paths: StagePaths;
  runScript: string;
  extraVars: Record<string, unknown>;
  knownHosts: string;
  /** Unlocked private key text per host name (key-auth hosts other than the taskbox). */
  keys: ReadonlyMap<string, string>;
  /** The run's hosts.ini (placeholders), for the prepare stage. */
  inventory?: string;
  /** A playbook that ships with the wizard (builtin:) and its templates, uploaded beside run.sh. */
  builtinFiles?: RemoteFile[];
}

export function stageFiles(input: StageFilesInput): RemoteFile[] {
  const { config, paths } = input;
  const hosts: Record<string, Record<string, string>> = {};
  for (const host of config.hosts) hosts[host.name] = hostSecretVars(host, paths, input.keys.has(host.name));
  const files: RemoteFile[] = [
    { path: paths.runScript, content: input.runScript, mode: 0o600 },
    { path: paths.extraVars, content: JSON.stringify(input.extraVars), mode: 0o600 },
    { path: paths.knownHosts, content: input.knownHosts, mode: 0o600 },
    { path: paths.secretInventory, content: JSON.stringify({ all: { hosts } }), mode: 0o600 },
    { path: paths.secretVars, content: JSON.stringify(secretVarsOf(config)), mode: 0o600 },
  ];
  for (const [name, text] of input.keys) files.push({ path: paths.keyFile(name), content: text.endsWith('\n') ? text : `${text}\n`, mode: 0o600 });
  if (input.inventory !== undefined) files.push({ path: paths.inventory, content: input.inventory, mode: 0o600 });
  files.push(...(input.builtinFiles ?? []));
  return files;
}
