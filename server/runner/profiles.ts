/**
 * Installer profiles are data: a bundle layout and its ordered stages. The runner never branches on a
 * profile id; it only reads these records.
 *
 * Invariants:
 * - stage names are unique within a profile and stable (runs, retries and the UI refer to them);
 * - `playbook` paths are relative to the bundle root on the taskbox, except `builtin:` playbooks,
 *   which ship with the wizard under server/runner/playbooks/ and are uploaded with the stage;
 * - `configFiles` are written by the `write-config` stage with secrets as placeholders only: the
 *   secrets Ansible needs live in each stage's secret/ dir on the taskbox (taskbox/stage-files.ts)
 *   and are deleted when the stage ends;
 * - `taskbox` is install.sh's multi-node flow as data (taskbox/stage-script.ts renders it);
 * - the `internal-lb` stage is no profile's own: applicableProfile adds it for an internal load balancer;
 *   like write-config it has no host rows of the cluster (isHostlessStage): it runs on the LB hosts;
 * - `layout.files` holds every bundle playbook of `stages` (bundlePlaybooks), so preflight's
 *   "Installer bundle" check looks for exactly what the stages will run; `version` and `ansible`
 *   describe the bundle as shipped and the Ansible it was written for (server/preflight/checks/bundle.ts).
 */
import path from 'node:path';
import type { LoadBalancer } from '@/lib/config/schema';

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

/** Kubespray v2.9 with kubeadm keeps the cluster's certificates in /etc/kubernetes/ssl. */
const KUBESPRAY_APISERVER_CERT = '/etc/kubernetes/ssl/apiserver.crt';

/** Kubespray role → phase of the Kubernetes stage (kubesphere-2.0-installer.md §5.3, step 2). */
export const KUBERNETES_PHASES: PhaseRule[] = [
  { name: 'preinstall', role: /^(bootstrap-os|kubernetes\/preinstall|adduser)/ },
  { name: 'container-engine', role: /^(container-engine|docker)/ },
  { name: 'download', role: /^download/ },
  { name: 'etcd', role: /^etcd/ },
  { name: 'node', role: /^kubernetes\/node/ },
  { name: 'master', role: /^(kubernetes\/(master|client|kubeadm)|kubernetes-apps\/cluster_roles)/ },
  { name: 'network', role: /^network_plugin/ },
  { name: 'apps', role: /^(kubernetes-apps|dns)/ },
];

const CONFIG_FILES: ConfigFileDef[] = [
  { path: 'conf/hosts.ini', content: 'hosts.ini' },
  { path: 'conf/vars.yml', content: 'vars.yml' },
  { path: 'k8s/inventory/my_cluster/hosts.ini', content: 'hosts.ini' },
  { path: 'k8s/inventory/my_cluster/group_vars/k8s-cluster/k8s-cluster.yml', content: 'vars.yml' },
];

function stagesWith(verifyPlaybook: string): StageDef[] {
  return [
    { name: 'prepare', label: 'Prepare the taskbox', kind: 'prepare', playbook: '' },
    { name: 'write-config', label: 'Write configuration', kind: 'write-config', playbook: '' },
    { name: 'init', label: 'Initiate environment', kind: 'playbook', playbook: 'preinstall/init.yml' },
    { name: 'kubernetes', label: 'Install Kubernetes', kind: 'playbook', playbook: 'k8s/cluster.yml', phases: KUBERNETES_PHASES },
    { name: 'kubesphere', label: 'Install KubeSphere', kind: 'playbook', playbook: 'kubesphere/kubesphere.yml' },
    { name: 'verify', label: 'Verify', kind: 'playbook', playbook: verifyPlaybook },
  ];
}

/** A stage with no cluster host rows: write-config (the taskbox only) and internal-lb (the LB hosts). */
export function isHostlessStage(stage: Pick<StageDef, 'kind'>): boolean {
  return stage.kind === 'write-config' || stage.kind === 'internal-lb';
}

/** keepalived + HAProxy on the LB hosts, before the bundle's first playbook (*Initiate environment*). */
export const INTERNAL_LB_STAGE: StageDef = { name: 'internal-lb', label: 'Build the internal load balancer', kind: 'internal-lb', playbook: 'builtin:internal-lb/internal-lb.yml' };

/**
 * The profile as it applies to an install: with an internal load balancer, INTERNAL_LB_STAGE right
 * after write-config (before the first playbook of the bundle); otherwise the profile as it is.
 */
export function applicableProfile(profile: InstallerProfile, loadBalancer: LoadBalancer): InstallerProfile {
  if (loadBalancer.kind !== 'internal' || profile.stages.some((s) => s.kind === 'internal-lb')) return profile;
  const at = profile.stages.findIndex((s) => s.kind === 'playbook');
  const stages = at < 0 ? [...profile.stages, INTERNAL_LB_STAGE] : [...profile.stages.slice(0, at), INTERNAL_LB_STAGE, ...profile.stages.slice(at)];
  return { ...profile, stages };
}

/** The bundle-relative playbooks of `stages`, in stage order (not `builtin:`, not write-config). */
export function bundlePlaybooks(stages: readonly StageDef[]): string[] {
  return stages.filter((s) => s.kind === 'playbook' && !s.playbook.startsWith('builtin:')).map((s) => s.playbook);
}

/** The top-level folders of kubesphere-all-advanced-2.0.2 the runner uses (CAST; LICENSE and tools/ are not needed). */
const BUNDLE_DIRS = ['conf', 'k8s', 'kubesphere', 'preinstall', 'scripts'];

const KS_202_STAGES = stagesWith('builtin:verify-kubesphere.yml');
const LAB_STAGES = stagesWith('scripts/verify.yml');

/** A login shell's PATH on CentOS 7 / Ubuntu as root: where pip and the OS packages put ansible. */
const LINUX_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** install.sh's multi-node flow: `cd scripts`, `-i ../k8s/inventory/my_cluster/hosts.ini`, logs in `logs/`. */
const INSTALL_SH_FLOW = { playbookCwd: 'scripts', inventory: 'k8s/inventory/my_cluster/hosts.ini', logDir: 'logs' };

/** Where the lab's stand-in bootstrap (lab/installer/scripts/os/os_check.sh) installs Ansible 2.7.6. */
export const LAB_ANSIBLE_BIN = '/opt/ksw-lab-ansible/bin';
/** Where the lab puts its stand-in bundle on every lab host (lab/README.md). */
export const LAB_BUNDLE_PATH = '/opt/ks-lab-installer';

/** What both lab profiles share: the stand-in bundle on every lab host, the lab's known host keys. */
const LAB_BUNDLE = {
  defaultBundlePath: LAB_BUNDLE_PATH,
  configFiles: CONFIG_FILES,
  labKnownHosts: true,
  // lab/installer/common/vars.yml lab_apiserver_port: the stand-in apiserver (not 6443, which a real service may hold)
  apiserverPort: 16443,
  // the lab hosts have only Python 3 at /usr/bin/python3 (as the bundle's group_vars say for the cluster hosts)
  lbHostVars: { ansible_python_interpreter: '/usr/bin/python3' },
  stages: LAB_STAGES,
  // the stand-in certificate the lab's master role writes (lab/installer/README.md)
  apiserverCert: '/tmp/ksw-lab-state/{install}/{host}/apiserver.crt',
  layout: {
    name: 'lab stand-in',
    howToGet: 'Bring the lab up again (npm run lab -- up): it copies lab/installer to every lab host',
    dirs: BUNDLE_DIRS,
    files: bundlePlaybooks(LAB_STAGES),
  },
} satisfies Partial<InstallerProfile>;

export const PROFILES: Record<InstallerProfile['id'], InstallerProfile> = {
  'kubesphere-2.0.2': {
    id: 'kubesphere-2.0.2',
    label: 'KubeSphere 2.0.2 (kubesphere-all-advanced-2.0.2)',
    defaultBundlePath: '',
    configFiles: CONFIG_FILES,
    labKnownHosts: false,
    apiserverPort: 6443,
    lbHostVars: {},
    stages: KS_202_STAGES,
    apiserverCert: KUBESPRAY_APISERVER_CERT,
    layout: {
      name: 'KubeSphere 2.0.2',
      howToGet: 'Unpack kubesphere-all-advanced-2.0.2.tar.gz there',
      dirs: BUNDLE_DIRS,
      files: bundlePlaybooks(KS_202_STAGES),
    },
    // kubesphere-2.0-installer.md §2.4: the shipped conf/vars.yml says `ks_version: 2.0.2`
    version: { file: 'conf/vars.yml', key: 'ks_version', expected: '2.0.2' },
    // §5.3 step 0 and §7 row 2: the bundle's bootstrap pins ansible==2.7.6 (Kubespray v2.9 asserts >= 2.7.6)
    ansible: {
      pinned: '2.7.6',
      pinnedMatch: 'exact',
      note: "The 2.0.2 bundle's Kubespray v2.9 playbooks were written for ansible 2.7.x (its bootstrap pins ansible==2.7.6); a newer ansible-core rejects them (removed modules, options and syntax).",
    },
    // install.sh's init_env: `$BASE_FOLDER/os/os_check.sh` from scripts/ (apt-get/yum, get-pip.py, pip install -r os/requirements.txt)
    taskbox: {
      path: LINUX_PATH,
      locale: 'en_US.UTF-8',
      ansibleProbe: 'ansible-playbook',
      bootstrap: {
        cwd: 'scripts',
        argv: ['/bin/bash', 'os/os_check.sh'],
        needs: 'root, the OS package manager (apt-get or yum) with its package mirrors, and access to PyPI (pip install -r os/requirements.txt)',
        pythonIfMissing: 'it installs Python 2 itself (apt-get install python-minimal, or yum install python), then runs os/get-pip.py with it',
      },
      bootstrapPython: ['python2.7', 'python2', 'python'],
      ...INSTALL_SH_FLOW,
    },
  },
  lab: {
    id: 'lab',
    label: 'Lab stand-in bundle, Ansible 2.7.6 on Python 2.7 (lab/installer, not a real installer)',
    ...LAB_BUNDLE,
    ansible: {
      pinned: '2.7.6',
      pinnedMatch: 'exact',
      note: "The lab stand-in's bootstrap installs ansible 2.7.6 (the 2.0.2 bundle's pin) from a tarball, to run the stand-in as the real bundle is run.",
    },
    taskbox: {
      path: [LAB_ANSIBLE_BIN, ...LINUX_PATH],
      locale: 'C.UTF-8',
      ansibleProbe: 'ansible-playbook',
      bootstrap: {
        cwd: 'scripts',
        argv: ['/bin/sh', 'os/os_check.sh'],
        needs: 'root and Python 2.7 (it unpacks Ansible 2.7.6 from the tarball the lab links into scripts/os/; nothing is downloaded)',
        pythonIfMissing: null,
      },
      bootstrapPython: ['python2.7', '/root/.pyenv/versions/2.7.18/bin/python2.7'],
      ...INSTALL_SH_FLOW,
    },
  },
  // the lab stand-in run by the taskbox's Debian ansible-core (/usr/bin/ansible-playbook): no bootstrap
  'lab-core': {
    id: 'lab-core',
    label: "Lab stand-in bundle, the taskbox's Debian ansible-core (lab/installer, not a real installer)",
    ...LAB_BUNDLE,
    ansible: {
      pinned: '2.14',
      pinnedMatch: 'prefix',
      note: "The lab-core profile runs the lab stand-in with the taskbox's own Debian ansible-core 2.14 (/usr/bin/ansible-playbook); it has no bootstrap to install one.",
    },
    taskbox: {
      path: LINUX_PATH,
      locale: 'C.UTF-8',
      ansibleProbe: 'ansible-playbook',
      bootstrap: null,
      bootstrapPython: [],
      ...INSTALL_SH_FLOW,
    },
  },
};

export function getProfile(id: string): InstallerProfile {
  if (id === 'kubesphere-2.0.2' || id === 'lab' || id === 'lab-core') return PROFILES[id];
  throw new Error(`unknown installer profile ${JSON.stringify(id)}`);
}

/** The phase a task of `role` belongs to, or undefined when the stage has no phases / no match. */
export function phaseOf(stage: StageDef | undefined, role: string | undefined): string | undefined {
  if (!stage?.phases || !role) return undefined;
  return stage.phases.find((p) => p.role.test(role))?.name;
}
