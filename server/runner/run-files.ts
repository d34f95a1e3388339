/**
 * The run's private data dir for ansible-runner: `<KSW_DATA_DIR>/runs/<runId>/`.
 *
 *   project/            the bundle (a copy for small stand-in bundles, else a symlink to it)
 *   inventory/hosts     conf/hosts.ini rendered with secret PLACEHOLDERS (no secret in it)
 *   inventory/host_vars/<host>.json   0600: ansible_ssh_pass / ansible_become_pass / key path
 *   inventory/group_vars -> project/<profile.inventoryGroupVars>  (Kubespray's group vars)
 *   keys/<host>         0600 private keys
 *   env/envvars         Ansible settings (no secrets); env/extravars (no secrets); env/passwords 0600
 *   known_hosts         from the install's trusted HostKey rows (host key checking stays ON)
 *   cp/                 a fresh ControlPath dir per run (never reuse another run's masters)
 *   artifacts/<stageId>/  written by ansible-runner (job_events/, status, rc)
 *
 * Invariants: every file holding a secret is created 0600 inside a 0700 dir and is listed by
 * `secretPaths()`, which `removeStageSecrets()` deletes whatever the stage outcome.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Host, InstallConfig } from '@/lib/config/schema';
import { secretValue } from '@/lib/config/secret';
import { loadEnv } from '../env';
import type { InstallerProfile } from './profiles';

export function runDirOf(runId: string): string {
  return path.join(loadEnv().dataDir, 'runs', runId);
}

export function bundlePathOf(config: InstallConfig, profile: InstallerProfile): string {
  const p = config.installer.bundlePath.trim() || profile.defaultBundlePath;
  if (!p) throw new Error('the install has no installer bundle path: set it in the installer settings');
  return path.resolve(p);
}

function writeFile0600(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, content, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

export interface KnownHost {
  address: string;
  port: number;
  algorithm: string;
  publicKey: string;
}

export function renderKnownHosts(keys: KnownHost[]): string {
  return keys.map((k) => `${k.port === 22 ? k.address : `[${k.address}]:${k.port}`} ${k.algorithm} ${k.publicKey}`).join('\n') + '\n';
}

/**
 * Mirrors the bundle's group_vars beside the private inventory with symlinks, except
 * k8s-cluster/k8s-cluster.yml (the vars.yml copy), which `writeStageSecrets` writes revealed (0600).
 */
function linkGroupVars(source: string, target: string): void {
  fs.mkdirSync(path.join(target, 'k8s-cluster'), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(source)) return;
  for (const entry of fs.readdirSync(source)) {
    if (entry === 'k8s-cluster') continue;
    const dest = path.join(target, entry);
    if (!fs.existsSync(dest)) fs.symlinkSync(path.join(source, entry), dest);
  }
  const sub = path.join(source, 'k8s-cluster');
  if (!fs.existsSync(sub)) return;
  for (const entry of fs.readdirSync(sub)) {
    const dest = path.join(target, 'k8s-cluster', entry);
    if (entry !== 'k8s-cluster.yml' && !fs.existsSync(dest)) fs.symlinkSync(path.join(sub, entry), dest);
  }
}

export const REVEALED_VARS = (runDir: string) => path.join(runDir, 'inventory', 'group_vars', 'k8s-cluster', 'k8s-cluster.yml');

/** Creates the run dir (project, cp/, env/envvars, known_hosts). Idempotent. */
export function prepareRunDir(opts: { runDir: string; bundlePath: string; profile: InstallerProfile; knownHosts: string }): string {
  const { runDir, bundlePath, profile } = opts;
  for (const d of ['', 'env', 'inventory', 'cp', 'tmp', 'keys', 'logs']) fs.mkdirSync(path.join(runDir, d), { recursive: true, mode: 0o700 });
  fs.chmodSync(runDir, 0o700);
  const project = path.join(runDir, 'project');
  if (!fs.existsSync(project)) {
    if (!fs.existsSync(bundlePath)) throw new Error(`installer bundle not found at ${bundlePath}`);
    if (profile.copyBundle) fs.cpSync(bundlePath, project, { recursive: true, dereference: true });
    else fs.symlinkSync(bundlePath, project, 'dir');
  }
  linkGroupVars(path.join(project, profile.inventoryGroupVars), path.join(runDir, 'inventory', 'group_vars'));
  fs.writeFileSync(path.join(runDir, 'known_hosts'), opts.knownHosts, { mode: 0o644 });
  const sshArgs = [
    '-C -o ControlMaster=auto -o ControlPersist=60s',
    `-o UserKnownHostsFile=${path.join(runDir, 'known_hosts')}`,
    '-o StrictHostKeyChecking=yes -o ConnectTimeout=10',
  ].join(' ');
  const envvars: Record<string, string> = {
    ANSIBLE_SSH_ARGS: sshArgs,
    ANSIBLE_HOST_KEY_CHECKING: 'True',
    ANSIBLE_SSH_CONTROL_PATH_DIR: path.join(runDir, 'cp'),
    ANSIBLE_LOCAL_TEMP: path.join(runDir, 'tmp'),
    ANSIBLE_HOME: path.join(runDir, 'tmp', 'home'),
    ANSIBLE_PIPELINING: 'True',
    ANSIBLE_FORKS: '10',
    ANSIBLE_PYTHON_INTERPRETER: 'auto_silent',
    ANSIBLE_RETRY_FILES_ENABLED: 'False',
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_DEPRECATION_WARNINGS: 'False',
    ANSIBLE_TIMEOUT: '20',
  };
  fs.writeFileSync(path.join(runDir, 'env', 'envvars'), JSON.stringify(envvars, null, 2), { mode: 0o600 });
  return project;
}

/** Per-host connection secrets as Ansible host vars. Keys are written to keys/<host>. */
function hostSecretVars(host: Host, runDir: string): Record<string, string> {
  const vars: Record<string, string> = {};
  if (host.auth.kind === 'password') {
    const pw = secretValue(host.auth.password);
    if (pw) vars.ansible_ssh_pass = pw;
  } else if (host.auth.kind === 'key') {
    const key = secretValue(host.auth.privateKey);
    if (key) {
      const keyFile = path.join(runDir, 'keys', host.name);
      writeFile0600(keyFile, key.endsWith('\n') ? key : `${key}\n`);
      vars.ansible_ssh_private_key_file = keyFile;
    }
  }
  const become = secretValue(host.becomePassword);
  if (host.user !== 'root') {
    vars.ansible_become = 'true';
    vars.ansible_become_method = 'sudo';
    if (become) vars.ansible_become_pass = become;
  }
  return vars;
}

/** Writes the secret-bearing files for one stage (host_vars, keys, passphrase prompts). */
export function writeStageSecrets(runDir: string, config: InstallConfig, revealedVarsYml: string): void {
  writeFile0600(REVEALED_VARS(runDir), revealedVarsYml);
  const passphrases: Record<string, string> = {};
  for (const host of config.hosts) {
    if (host.taskbox) continue;
    const vars = hostSecretVars(host, runDir);
    writeFile0600(path.join(runDir, 'inventory', 'host_vars', `${host.name}.json`), JSON.stringify(vars));
    if (host.auth.kind === 'key') {
      const pass = secretValue(host.auth.passphrase);
      if (pass) passphrases[`^Enter passphrase for key '${path.join(runDir, 'keys', host.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}':\\s*?$`] = pass;
    }
  }
  if (Object.keys(passphrases).length > 0) writeFile0600(path.join(runDir, 'env', 'passwords'), JSON.stringify(passphrases));
}

/** Deletes every secret-bearing file of the run dir. Never throws; safe to call twice. */
export function removeStageSecrets(runDir: string): void {
  for (const p of [REVEALED_VARS(runDir), path.join(runDir, 'inventory', 'host_vars'), path.join(runDir, 'keys'), path.join(runDir, 'env', 'passwords')]) {
    try {
      fs.rmSync(p, { recursive: true, force: true });
    } catch {
      // best effort; reconcile retries on boot
    }
  }
  fs.mkdirSync(path.join(runDir, 'keys'), { recursive: true, mode: 0o700 });
}

export function writeInventory(runDir: string, hostsIni: string): void {
  writeFile0600(path.join(runDir, 'inventory', 'hosts'), hostsIni);
}

export function writeExtraVars(runDir: string, vars: Record<string, unknown>): void {
  writeFile0600(path.join(runDir, 'env', 'extravars'), JSON.stringify(vars));
}
