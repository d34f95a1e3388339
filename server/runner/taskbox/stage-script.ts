/**
 * The run.sh of one stage on the taskbox, rendered from profile data. Pure.
 *
 * What it runs is install.sh's multi-node flow (scripts/install.sh of the 2.x bundle), as data:
 *   cd <bundle>/scripts && ansible-playbook -i ../k8s/inventory/my_cluster/hosts.ini <playbook> -b
 * with install.sh's environment (ANSIBLE_TIMEOUT=300, forks 10, retry files off, profile_tasks, a log
 * file under logs/ named Install[<date>].log), plus what the wizard adds, each for a reason:
 *   -i <stage>/secret/hosts.yml   connection secrets (the bundle's files keep placeholders; a later
 *                                 inventory source overrides the earlier one's host vars)
 *   -e @extra-vars.json           ksw_install_id, ksw_run_id and the operator's extra vars
 *   -e @secret/vars.json          the vars.yml values that are secrets (placeholders in the files)
 *   --limit                       retries of the hosts that failed
 *   ANSIBLE_HOST_KEY_CHECKING=True and a known_hosts of the keys the operator trusted (install.sh
 *                                 turns checking off; the wizard never sends a secret to an untrusted key)
 *   the ksw_events callback       structured events the wizard follows
 *
 * Invariants: every child environment is built from scratch (`env -i`): nothing of the wizard's
 * or the SSH session's environment reaches Ansible; every value is argv-quoted; no secret is in
 * the script (it names files only).
 */
import { shellQuote, shellQuoteArg } from '../../ssh/quote';
import { INSTALL_SCRIPT_ENV, type ScriptEnv } from '../operation-flows';
import type { InstallerProfile } from '../../installer-profiles/profiles';
import { CALLBACK_DIR, CALLBACK_NAME, inBundle, type StagePaths } from './layout';

export interface StageScriptInput {
  profile: InstallerProfile;
  /** The bundle's absolute path on the taskbox. */
  bundle: string;
  paths: StagePaths;
  /** Hosts for --limit (null = every host of the inventory). */
  limit: string[] | null;
  /** An inventory of the stage's own instead of the bundle's (the internal-lb stage's LB hosts). */
  ownInventory?: string;
  /** The bundle script whose environment the stage has (install.sh unless a day-2 operation). */
  scriptEnv?: ScriptEnv;
  /** `-e name=value` pairs the script passes after the playbook (operation-flows.ts). */
  vars?: [string, string][];
}

/** One line converts plain text to verbose events in the stage's events file (bootstrap output). */
const TEXT_TO_EVENTS = String.raw`{ s = ""; n = length($0); for (i = 1; i <= n; i++) { ch = substr($0, i, 1); if (ch == "\\") s = s "\\\\"; else if (ch == "\"") s = s "\\\""; else if (ch == "\t") s = s " "; else if (ch >= " ") s = s ch }; c++; printf "{\"counter\":%d,\"event\":\"verbose\",\"stdout\":\"%s\"}\n", c, s; fflush() }`;

export const CALLBACKS_ENABLED = `profile_tasks,${CALLBACK_NAME}`;

/** install.sh's exports, then the wizard's own, as NAME=value pairs (values unquoted). */
export function ansibleEnvironment(input: StageScriptInput): [string, string][] {
  const { profile, paths } = input;
  const forks = String((input.scriptEnv ?? INSTALL_SCRIPT_ENV).forks);
  const sshArgs = [
    '-o ControlMaster=auto -o ControlPersist=30m -o ConnectionAttempts=100',
    `-o UserKnownHostsFile=${paths.knownHosts}`,
    '-o StrictHostKeyChecking=yes',
  ].join(' ');
  return [
    ['PATH', profile.taskbox.path.join(':')],
    ['HOME', '/root'],
    ['LANG', profile.taskbox.locale],
    ['PYTHONUNBUFFERED', '1'],
    // install.sh
    ['DEFAULT_FORKS', forks],
    ['ANSIBLE_FORKS', forks],
    ['ANSIBLE_RETRY_FILES_ENABLED', 'False'],
    ['ANSIBLE_CALLBACK_WHITELIST', CALLBACKS_ENABLED],
    ['ANSIBLE_CALLBACKS_ENABLED', CALLBACKS_ENABLED],
    ['ANSIBLE_TIMEOUT', '300'],
    // the wizard
    ['ANSIBLE_HOST_KEY_CHECKING', 'True'],
    ['ANSIBLE_SSH_ARGS', sshArgs],
    ['ANSIBLE_SSH_CONTROL_PATH_DIR', paths.controlDir],
    ['ANSIBLE_CALLBACK_PLUGINS', CALLBACK_DIR],
    ['ANSIBLE_NOCOLOR', '1'],
    ['KSW_EVENTS_FILE', paths.events],
  ];
}

function envCommand(env: [string, string][], argv: readonly string[], extra = ''): string {
  return `env -i ${env.map(([k, v]) => `${k}=${shellQuoteArg(v)}`).join(' ')}${extra} ${shellQuote(argv)}`;
}

function header(input: StageScriptInput, title: string): string[] {
  const { bundle, paths, profile } = input;
  const logName = (input.scriptEnv ?? INSTALL_SCRIPT_ENV).logName;
  return [
    '#!/bin/sh',
    `# ks-wizard: ${title} (generated; no secrets in this file)`,
    'set -u',
    `ev=${shellQuoteArg(paths.events)}`,
    ': >>"$ev"',
    `ksw_text_events() { LC_ALL=C awk -v c="$(wc -l <"$ev")" '${TEXT_TO_EVENTS}' >>"$ev"; }`,
    `ksw_note() { printf '%s\\n' "$1" | ksw_text_events; }`,
    `mkdir -p ${shellQuoteArg(inBundle(bundle, profile.taskbox.logDir))} || exit 2`,
    // install.sh: ANSIBLE_LOG_PATH=$LOG_FOLDER/Install[$current].log, current=`date "+%Y-%m-%d~%H:%M:%S"` (add-nodes.sh: Scale[…], uninstall.sh: Uninstall[…])
    `ksw_log=${shellQuoteArg(inBundle(bundle, profile.taskbox.logDir))}"/${logName}[$(date '+%Y-%m-%d~%H:%M:%S')].log"`,
    `cd ${shellQuoteArg(inBundle(bundle, profile.taskbox.playbookCwd))} || { ksw_note "the bundle has no ${profile.taskbox.playbookCwd}/ folder at ${bundle}"; exit 2; }`,
  ];
}

function inventoryArgs(input: StageScriptInput): string[] {
  return ['-i', input.ownInventory ?? `../${input.profile.taskbox.inventory}`, '-i', input.paths.secretInventory];
}

function limitArgs(limit: string[] | null): string[] {
  return limit && limit.length > 0 ? ['--limit', limit.join(',')] : [];
}

/** A playbook stage: exactly install.sh's command line plus the wizard's additions (see header). */
export function playbookCommand(input: StageScriptInput, playbook: string): string[] {
  // the script's own -e pairs come last: a later -e wins, so no extra var can change them
  const scriptVars = (input.vars ?? []).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  return [
    'ansible-playbook',
    ...inventoryArgs(input),
    playbook,
    '-b',
    '-e',
    `@${input.paths.extraVars}`,
    '-e',
    `@${input.paths.secretVars}`,
    ...scriptVars,
    ...limitArgs(input.limit),
  ];
}

export function renderPlaybookScript(input: StageScriptInput, playbook: string): string {
  const env = ansibleEnvironment(input);
  return [...header(input, `playbook ${playbook}`), `exec ${envCommand(env, playbookCommand(input, playbook), ' ANSIBLE_LOG_PATH="$ksw_log"')}`, ''].join('\n');
}

/** Shell test: is the profile's pinned Ansible the one on the stage PATH? Sets $ksw_v. */
function pinnedCheck(input: StageScriptInput): string[] {
  const { profile } = input;
  const pin = profile.ansible;
  const probe = `env -i PATH=${shellQuoteArg(profile.taskbox.path.join(':'))} LANG=${shellQuoteArg(profile.taskbox.locale)} ${shellQuoteArg(profile.taskbox.ansibleProbe)} --version 2>/dev/null`;
  const match = !pin
    ? 'true'
    : pin.pinnedMatch === 'exact'
      ? `[ "$ksw_v" = ${shellQuoteArg(pin.pinned)} ]`
      : `case "$ksw_v" in ${shellQuoteArg(pin.pinned)}|${shellQuoteArg(pin.pinned)}.*) true ;; *) false ;; esac`;
  return [`ksw_pinned() { ksw_v=$(${probe} | sed -n '1s/^[^0-9]*\\([0-9][0-9.]*\\).*/\\1/p'); [ -n "$ksw_v" ] && { ${match}; }; }`];
}

/**
 * Prepare the taskbox: the bundle's bootstrap unless the pinned Ansible is already there (its output
 * becomes events), then `ansible all -m ping` with the run's inventory, so a host the taskbox
 * cannot log in to fails here, named, before anything changes.
 */
export function renderPrepareScript(input: StageScriptInput): string {
  const { profile, bundle, paths } = input;
  const pin = profile.ansible?.pinned ?? 'any';
  const boot = profile.taskbox.bootstrap;
  const env = ansibleEnvironment(input);
  const lines = [...header(input, 'prepare the taskbox'), ...pinnedCheck(input)];
  lines.push('if ksw_pinned; then');
  lines.push(`  ksw_note "Ansible $ksw_v (pinned: ${pin}) is installed on this taskbox: the bundle's bootstrap is skipped."`);
  if (boot) {
    const bootEnv: [string, string][] = [
      ['PATH', profile.taskbox.path.join(':')],
      ['HOME', '/root'],
      ['LANG', profile.taskbox.locale],
      ['DEBIAN_FRONTEND', 'noninteractive'],
    ];
    lines.push('else');
    lines.push(
      `  ksw_note "Ansible ${pin} is not installed on this taskbox (found: \${ksw_v:-none}): running the bundle's bootstrap (${boot.argv.join(' ')} in ${boot.cwd}/)."`,
    );
    lines.push(
      `  { ( cd ${shellQuoteArg(inBundle(bundle, boot.cwd))} && ${envCommand(bootEnv, boot.argv)} ) </dev/null 2>&1; echo $? >"$ev.boot-rc"; } | ksw_text_events`,
    );
    lines.push('  rc=$(cat "$ev.boot-rc" 2>/dev/null || echo 1); rm -f "$ev.boot-rc"');
    lines.push(`  [ "$rc" = 0 ] || { ksw_note "The bundle's bootstrap failed (exit $rc). It needs ${boot.needs}."; exit 3; }`);
    lines.push(
      `  ksw_pinned || { ksw_note "The bundle's bootstrap finished but Ansible ${pin} is still not on the taskbox's PATH (found: \${ksw_v:-none})."; exit 3; }`,
    );
    lines.push(`  ksw_note "Ansible $ksw_v installed by the bundle's bootstrap."`);
  } else {
    lines.push('else');
    lines.push(
      `  ksw_note "Ansible ${pin} is not installed on this taskbox (found: \${ksw_v:-none}) and this installer has no bootstrap for it: install it, then retry."`,
    );
    lines.push('  exit 3');
  }
  lines.push('fi');
  // the bundle's inventory is written by the next stage: the ping uses the run's own copy, beside the
  // bundle's group_vars (interpreter and connection settings live there), as the bundle's would be
  const inventoryDir = profile.taskbox.inventory.split('/').slice(0, -1).join('/');
  lines.push(
    `ln -sfn ${shellQuoteArg(inBundle(bundle, `${inventoryDir}/group_vars`))} ${shellQuoteArg(paths.inventory.replace(/\/[^/]+$/, '/group_vars'))} || exit 2`,
  );
  const ping = ['ansible', 'all', '-i', paths.inventory, '-i', paths.secretInventory, '-m', 'ping', '-e', `@${paths.extraVars}`, ...limitArgs(input.limit)];
  lines.push(`exec ${envCommand(env, ping, ' ANSIBLE_LOAD_CALLBACK_PLUGINS=1 ANSIBLE_LOG_PATH="$ksw_log"')}`, '');
  return lines.join('\n');
}
