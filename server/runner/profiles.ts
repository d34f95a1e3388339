/**
 * Installer profiles are data: a bundle layout and its ordered stages. The runner never branches on a
 * profile id; it only reads these records.
 *
 * Invariants:
 * - stage names are unique within a profile and stable (runs, retries and the UI refer to them);
 * - `playbook` paths are relative to the bundle root (the ansible-runner project dir), except
 *   `builtin:` playbooks, which ship with the wizard under server/runner/playbooks/;
 * - `configFiles` are written by the `write-config` stage with secrets as placeholders only: the
 *   revealed inventory lives in the run's private dir (0600) and is deleted when each stage ends;
 * - `inventoryGroupVars` is the bundle directory whose group_vars Kubespray expects next to the
 *   inventory; the runner links it beside the private inventory.
 */
import path from 'node:path';

export type StageKind = 'write-config' | 'playbook';

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
  /** Bundle-relative playbook, `builtin:<file>` or '' for write-config. */
  playbook: string;
  phases?: PhaseRule[];
}

export interface ConfigFileDef {
  /** Bundle-relative target path. */
  path: string;
  content: 'hosts.ini' | 'vars.yml';
}

export interface InstallerProfile {
  id: 'kubesphere-2.0.2' | 'lab';
  label: string;
  /** Bundle path used when the install's `installer.bundlePath` is empty ('' = none: must be set). */
  defaultBundlePath: string;
  /** Copy the bundle into the run dir (small stand-in bundles) instead of using it in place. */
  copyBundle: boolean;
  configFiles: ConfigFileDef[];
  inventoryGroupVars: string;
  stages: StageDef[];
}

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
    { name: 'write-config', label: 'Write configuration', kind: 'write-config', playbook: '' },
    { name: 'init', label: 'Initiate environment', kind: 'playbook', playbook: 'preinstall/init.yml' },
    { name: 'kubernetes', label: 'Install Kubernetes', kind: 'playbook', playbook: 'k8s/cluster.yml', phases: KUBERNETES_PHASES },
    { name: 'kubesphere', label: 'Install KubeSphere', kind: 'playbook', playbook: 'kubesphere/kubesphere.yml' },
    { name: 'verify', label: 'Verify', kind: 'playbook', playbook: verifyPlaybook },
  ];
}

export const PROFILES: Record<InstallerProfile['id'], InstallerProfile> = {
  'kubesphere-2.0.2': {
    id: 'kubesphere-2.0.2',
    label: 'KubeSphere 2.0.2 (kubesphere-all-advanced-2.0.2)',
    defaultBundlePath: '',
    copyBundle: false,
    configFiles: CONFIG_FILES,
    inventoryGroupVars: 'k8s/inventory/my_cluster/group_vars',
    stages: stagesWith('builtin:verify-kubesphere.yml'),
  },
  lab: {
    id: 'lab',
    label: 'Lab stand-in bundle (lab/installer, not a real installer)',
    defaultBundlePath: path.resolve(process.cwd(), 'lab/installer'),
    copyBundle: true,
    configFiles: CONFIG_FILES,
    inventoryGroupVars: 'k8s/inventory/my_cluster/group_vars',
    stages: stagesWith('scripts/verify.yml'),
  },
};

export function getProfile(id: string): InstallerProfile {
  if (id === 'kubesphere-2.0.2' || id === 'lab') return PROFILES[id];
  throw new Error(`unknown installer profile ${JSON.stringify(id)}`);
}

/** Absolute playbook path for ansible-runner `-p`, given the project (bundle) dir. */
export function resolvePlaybook(stage: StageDef, projectDir: string): string {
  if (stage.playbook.startsWith('builtin:')) {
    return path.resolve(process.cwd(), 'server/runner/playbooks', stage.playbook.slice('builtin:'.length));
  }
  return path.join(projectDir, stage.playbook);
}

/** The phase a task of `role` belongs to, or undefined when the stage has no phases / no match. */
export function phaseOf(stage: StageDef | undefined, role: string | undefined): string | undefined {
  if (!stage?.phases || !role) return undefined;
  return stage.phases.find((p) => p.role.test(role))?.name;
}
