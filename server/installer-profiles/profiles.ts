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
import type { LoadBalancer } from '@/lib/config/schema';
import type { ConfigFileDef, InstallerProfile, PhaseRule, StageDef } from './types';

export * from './types';

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
export const INTERNAL_LB_STAGE: StageDef = {
  name: 'internal-lb',
  label: 'Build the internal load balancer',
  kind: 'internal-lb',
  playbook: 'builtin:internal-lb/internal-lb.yml',
};

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
