/**
 * Extra vars of a run (pure, shared by the API's validation in lib/api/run-input.ts and the
 * preflight page's "Advanced" field, which runs in the browser: no zod here, it would ship ~30 KiB
 * gzipped to that page): switches the installer bundle's own playbooks read, such as the
 * lab bundle's `lab_fail_at`, with plain values. Extra vars outrank every other variable in Ansible,
 * so anything that changes how Ansible connects, becomes root or runs programs would run commands on
 * the taskbox or the wizard's machine (`ansible_ssh_common_args: -o ProxyCommand=…`); refused:
 *   - every `ansible_*` name (connection, become, interpreter and plugin settings all live there),
 *     whatever its case;
 *   - Ansible's reserved names and magic variables (ANSIBLE_RESERVED_VARS);
 *   - names that look like credentials (set those on the hosts), and `ksw_*` (the wizard's own);
 *   - string values Ansible would template or that break a line (lib/config/safe-values.ts, the
 *     same definition vars.yml values follow).
 * Every message names the variable and never echoes its value.
 */
import { unsafeValueProblem } from '@/lib/config/safe-values';

/** Names that look like credentials: refused (set secrets on the hosts instead). */
export const SECRETISH_VAR = /(pass|secret|token|private|credential|_key$)/i;
export const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Ansible 2.7.6's reserved names (`ansible.vars.reserved.get_reserved_names()`: the playbook
 * keywords) and the magic variables `VariableManager` sets (`_get_magic_variables` and its callers);
 * the `ansible_*` ones are covered by the prefix rule.
 */
export const ANSIBLE_RESERVED_VARS: ReadonlySet<string> = new Set([
  // magic variables
  'hostvars',
  'groups',
  'group_names',
  'inventory_hostname',
  'inventory_hostname_short',
  'inventory_dir',
  'inventory_file',
  'playbook_dir',
  'play_hosts',
  'role_name',
  'role_names',
  'role_path',
  'role_uuid',
  'omit',
  'environment',
  'vars',
  'item',
  // reserved names (playbook keywords)
  'action',
  'always',
  'any_errors_fatal',
  'args',
  'async_val',
  'become',
  'become_flags',
  'become_method',
  'become_user',
  'block',
  'changed_when',
  'check_mode',
  'connection',
  'debugger',
  'delay',
  'delegate_facts',
  'delegate_to',
  'diff',
  'fact_path',
  'failed_when',
  'force_handlers',
  'gather_facts',
  'gather_subset',
  'gather_timeout',
  'handlers',
  'hosts',
  'ignore_errors',
  'ignore_unreachable',
  'local_action',
  'loop',
  'loop_control',
  'loop_with',
  'max_fail_percentage',
  'module_defaults',
  'name',
  'no_log',
  'notify',
  'order',
  'poll',
  'port',
  'post_tasks',
  'pre_tasks',
  'register',
  'remote_user',
  'rescue',
  'retries',
  'roles',
  'run_once',
  'serial',
  'strategy',
  'tags',
  'tasks',
  'until',
  'vars_files',
  'vars_prompt',
  'when',
  'with_',
]);

export type ExtraVarValue = string | number | boolean;

/** Why `name` = `value` cannot be an extra var ("extra var "x": …"), or undefined when it can. */
export function extraVarProblem(name: string, value: ExtraVarValue): string | undefined {
  const what = `extra var "${name}"`;
  if (!VAR_NAME.test(name)) return `${what} is not a variable name (letters, digits, _)`;
  if (name.toLowerCase().startsWith('ansible_')) {
    return `${what}: Ansible's own settings (ansible_*: connection, become, interpreter) cannot be set here; they would let a run execute commands on the wizard's machine`;
  }
  if (ANSIBLE_RESERVED_VARS.has(name.toLowerCase())) return `${what} is a name Ansible reserves for itself`;
  if (name.startsWith('ksw_')) return `${what}: ksw_* variables are reserved for the wizard`;
  if (SECRETISH_VAR.test(name)) return `${what} looks like a credential: set credentials on the hosts instead`;
  if (typeof value === 'string') {
    const problem = unsafeValueProblem(value, 'yaml-string');
    if (problem !== undefined) return `${what} ${problem.replace('the vars.yml value', 'the value')}`;
  }
  return undefined;
}

export type ParsedExtraVars = { ok: true; vars: Record<string, string> } | { ok: false; error: string };

/** `key=value` per line (blank lines and `#` comments ignored) → a map of strings, or the first problem. */
export function parseExtraVarsText(text: string): ParsedExtraVars {
  const vars: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return { ok: false, error: `line ${i + 1}: write key=value` };
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    const problem = extraVarProblem(key, value);
    if (problem !== undefined) return { ok: false, error: `line ${i + 1}: ${problem}` };
    if (key in vars) return { ok: false, error: `line ${i + 1}: "${key}" is set twice` };
    vars[key] = value;
  }
  return { ok: true, vars };
}
