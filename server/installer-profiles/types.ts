/**
 * The shapes of an installer profile (data in profiles.ts): stages, the bundle's layout and
 * version, the pinned Ansible, and install.sh's flow on the taskbox.
 */
import path from 'node:path';

/**
 * `internal-lb`: the wizard's own playbook on the internal load balancer's hosts (its own inventory),
 * only in installs whose load balancer is `internal` (INTERNAL_LB_STAGE, applicableProfile).
 */
export type StageKind = 'prepare' | 'write-config' | 'internal-lb' | 'playbook';

export interface PhaseRule {
  /** Phase shown on the run page while tasks of a matching role run. */
  name: string;
  /** Matches the role of a running task (ansible event `role`, e.g. `kubernetes/preinstall`). */
  role: RegExp;
}

export interface StageDef {
  name: string;
  label: string;
  kind: StageKind;
  /** Bundle-relative playbook, `builtin:<file>` or '' for prepare and write-config. */
  playbook: string;
  phases?: PhaseRule[];
}

export interface ConfigFileDef {
  /** Bundle-relative target path. */
  path: string;
  content: 'hosts.ini' | 'vars.yml';
}

/** What an unpacked bundle of a profile must contain (checked on the wizard's machine by preflight). */
export interface BundleLayout {
  /** The bundle in operator words: "<path> is not a <name> bundle". */
  name: string;
  /** What to do when nothing is at the path; the check adds "or set the path in the installer settings". */
  howToGet: string;
  /** Bundle-relative directories. */
  dirs: string[];
  /** Bundle-relative files: every bundle playbook of the stages (`builtin:` ones are the wizard's own). */
  files: string[];
}

/** Where the bundle states its version, as shipped (a top-level `key: value` line of `file`). */
export interface BundleVersion {
  file: string;
  key: string;
  expected: string;
}

/** The Ansible the bundle's playbooks were written for. */
export interface AnsiblePin {
  /** The version the bundle's own bootstrap installs (or, with pinnedMatch 'prefix', a version prefix such as '2.14'). */
  pinned: string;
  /** 'exact': only `pinned` itself counts as installed; 'prefix': any `pinned.*` release (2.14 → 2.14.18). */
  pinnedMatch: 'exact' | 'prefix';
  /** Operator words: what a different version means. */
  note: string;
}

/**
 * The bundle's own bootstrap, which installs its pinned Ansible on the taskbox (install.sh's
 * init_env): run as root from `<bundle>/<cwd>` as `argv`, where argv[0] is the interpreter and
 * argv[1] the script, relative to `cwd`.
 */
export interface TaskboxBootstrap {
  /** Bundle-relative working directory. */
  cwd: string;
  argv: string[];
  /** Operator words: what the bootstrap needs on the taskbox. */
  needs: string;
  /**
   * Operator words for what the bootstrap does when none of `bootstrapPython` exists (it installs
   * one itself), or null: it cannot proceed without one, and preflight fails.
   */
  pythonIfMissing: string | null;
}

/** How stages run on the taskbox (install.sh's multi-node flow, as data) and how probes find programs. */
export interface TaskboxTools {
  /** PATH of every stage and probe on the taskbox, first entry first (nothing of the wizard's own). */
  path: string[];
  /** LANG of every stage and probe (ansible-core refuses a non-UTF-8 locale). */
  locale: string;
  /** The command whose `--version` tells whether the pinned Ansible is installed. */
  ansibleProbe: string;
  /** null: no bootstrap; the pinned Ansible must already be installed. */
  bootstrap: TaskboxBootstrap | null;
  /** Commands (names on `path`, or absolute paths), any of which is the Python the bootstrap needs. */
  bootstrapPython: string[];
  /** Bundle-relative directory install.sh runs ansible-playbook from (the bundle's ansible.cfg is there). */
  playbookCwd: string;
  /** Bundle-relative inventory install.sh passes with -i (the copy of conf/hosts.ini). */
  inventory: string;
  /** Bundle-relative directory of the log files install.sh writes (ANSIBLE_LOG_PATH). */
  logDir: string;
}

/**
 * The folder, inside the bundle on the taskbox, where write-config keeps the shipped original of
 * each config file before its first write (same relative path): the bundle's version is read there.
 */
export const SHIPPED_DIR = '.ks-wizard-shipped';

/** Bundle-relative path of the shipped original of the bundle-relative file `relPath`. */
export function shippedPath(relPath: string): string {
  return path.posix.join(SHIPPED_DIR, relPath);
}

export interface InstallerProfile {
  id: 'kubesphere-2.0.2' | 'lab' | 'lab-core';
  label: string;
  /** Bundle path used when the install's `installer.bundlePath` is empty ('' = none: must be set). */
  defaultBundlePath: string;
  configFiles: ConfigFileDef[];
  /** Host keys the local lab recorded (.lab/known_hosts) fill gaps in the install's trusted keys. */
  labKnownHosts: boolean;
  /** The port kube-apiserver (or the bundle's stand-in) listens on, on every master: the internal LB's backends. */
  apiserverPort: number;
  /** Host vars of the internal LB's hosts in its stage inventory (the bundle's group_vars do not reach them). */
  lbHostVars: Record<string, string>;
  stages: StageDef[];
  layout: BundleLayout;
  version?: BundleVersion;
  ansible?: AnsiblePin;
  taskbox: TaskboxTools;
  /**
   * The apiserver certificate on every master, whose expiry the cluster page shows (kubeadm's are
   * valid one year): `{install}` and `{host}` are the install id and the master's inventory name.
   */
  apiserverCert: string;
}
