/**
 * The run's private data dir for ansible-runner: `<KSW_DATA_DIR>/runs/<runId>/`.
 *
 *   project/            the bundle (a copy for small stand-in bundles, else a symlink to it)
 *   inventory/hosts     conf/hosts.ini rendered with secret PLACEHOLDERS (no secret in it)
 *   inventory/host_vars/<host>.json   0600: ansible_ssh_pass / ansible_become_pass / key path
 *   inventory/group_vars -> project/<profile.inventoryGroupVars>  (Kubespray's group vars)
 *   keys/<host>         0600 private keys, written UNLOCKED: a key's passphrase is removed here by
 *                       `ssh-keygen -p` (see unlockKeyFile), so ssh never prompts for one
 *   askpass             0700 script, no secret: prints $KSW_KEY_PASSPHRASE for that ssh-keygen
 *   env/envvars         Ansible settings (no secrets); env/extravars (no secrets)
 *   env/settings        ansible-runner's own: idle_timeout (KSW_STAGE_IDLE_TIMEOUT)
 *   known_hosts         from the install's trusted HostKey rows (host key checking stays ON)
 *   cp/                 a fresh ControlPath dir per run (never reuse another run's masters)
 *   artifacts/<stageId>/  written by ansible-runner (job_events/, status, rc)
 *
 * Invariants: every file holding a secret is created 0600 inside a 0700 dir and is removed by
 * `removeStageSecrets()` whatever the stage outcome; no passphrase is ever written to a file.
 *
 * Why keys are unlocked instead of answering ssh's passphrase prompt through ansible-runner's
 * env/passwords (pexpect on the pty of ansible-playbook): ssh prints that prompt as
 * "\rEnter passphrase for key '<path, cut at 100 chars>': " straight to the tty, pexpect searches
 * only the last 100 characters it read, and every ssh of a fork (10 at once) shares the one tty.
 * A `^`-anchored pattern never matched (the leading \r), a long data dir cannot match, and prompts
 * arriving together are lost or answered to the wrong reader: the stage hung until killed.
 */
import { spawnSync } from 'node:child_process';
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

/** Creates the run dir (project, cp/, env/envvars, env/settings, known_hosts). Idempotent. */
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
  // ansible-runner stops a stage that printed nothing for this long (status "timeout"): a prompt
  // nobody can answer, or a hung host, must not hold a run forever. YAML is a superset of JSON.
  fs.writeFileSync(path.join(runDir, 'env', 'settings'), JSON.stringify({ idle_timeout: loadEnv().stageIdleTimeoutS }), { mode: 0o600 });
  return project;
}

/** Run by ssh-keygen as SSH_ASKPASS: prints the passphrase it finds in its environment. */
const ASKPASS_SCRIPT = '#!/bin/sh\nprintf \'%s\\n\' "$KSW_KEY_PASSPHRASE"\n';
const UNLOCK_TIMEOUT_MS = 30_000;

/**
 * Removes the passphrase of the private key in `keyFile` (rewritten in place, 0600) with
 * `ssh-keygen -p -N ''`. The passphrase travels in the environment of ssh-keygen and its askpass
 * child (readable by the owner only), never in argv or a file; SSH_ASKPASS_REQUIRE=force keeps it
 * off any tty, so a wrong passphrase is one failed attempt, not a prompt. Returns undefined, or why
 * OpenSSH could not open the key (e.g. "incorrect passphrase supplied to decrypt private key").
 * `askpass` is where the (secret-free) askpass script is, or is written when missing.
 */
export function unlockKeyFile(keyFile: string, passphrase: string, askpass: string): string | undefined {
  if (!fs.existsSync(askpass)) fs.writeFileSync(askpass, ASKPASS_SCRIPT, { mode: 0o700 });
  const r = spawnSync('ssh-keygen', ['-p', '-q', '-N', '', '-f', keyFile], {
    env: { ...process.env, SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force', KSW_KEY_PASSPHRASE: passphrase },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: UNLOCK_TIMEOUT_MS,
    encoding: 'utf8',
  });
  if (r.error) return (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `ssh-keygen did not finish within ${UNLOCK_TIMEOUT_MS / 1000} s` : `ssh-keygen could not be run: ${r.error.message}`;
  if (r.status === 0) return undefined;
  // "Failed to load key <path>: <reason>": keep the reason, not our private path
  const first = (r.stderr ?? '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const reason = first.includes(`${keyFile}: `) ? first.slice(first.indexOf(`${keyFile}: `) + keyFile.length + 2) : first;
  return reason.trim() || `ssh-keygen exited with ${r.status ?? r.signal}`;
}

/**
 * Writes each host's private key to keys/<host> (0600), unlocked when it has a passphrase. A key
 * shared by several hosts (the usual case) is unlocked once (synchronously: ssh-keygen's key
 * derivation takes ~0.1 s per distinct key). Throws one operator-readable Error naming every host
 * whose key could not be opened.
 */
function writeKeyFiles(runDir: string, hosts: Host[]): void {
  const unlocked = new Map<string, { text?: string; error?: string; hosts: string[] }>();
  const askpass = path.join(runDir, 'askpass');
  for (const host of hosts) {
    if (host.auth.kind !== 'key') continue;
    const key = secretValue(host.auth.privateKey);
    if (!key) continue;
    const text = key.endsWith('\n') ? key : `${key}\n`;
    const keyFile = path.join(runDir, 'keys', host.name);
    const passphrase = secretValue(host.auth.passphrase);
    if (!passphrase) {
      writeFile0600(keyFile, text);
      continue;
    }
    const id = `${text}\0${passphrase}`;
    const done = unlocked.get(id);
    if (done) {
      done.hosts.push(host.name);
      if (done.text !== undefined) writeFile0600(keyFile, done.text);
      continue;
    }
    writeFile0600(keyFile, text);
    const error = unlockKeyFile(keyFile, passphrase, askpass);
    unlocked.set(id, error ? { error, hosts: [host.name] } : { text: fs.readFileSync(keyFile, 'utf8'), hosts: [host.name] });
  }
  const failed = [...unlocked.values()].filter((u) => u.error);
  if (failed.length > 0) {
    throw new Error(failed.map((u) => `the private key of ${u.hosts.join(', ')} could not be opened with its passphrase: ${u.error}`).join('; '));
  }
}

/** Per-host connection secrets as Ansible host vars (the key files are written by writeKeyFiles). */
function hostSecretVars(host: Host, runDir: string): Record<string, string> {
  const vars: Record<string, string> = {};
  if (host.auth.kind === 'password') {
    const pw = secretValue(host.auth.password);
    if (pw) vars.ansible_ssh_pass = pw;
  } else if (host.auth.kind === 'key') {
    if (secretValue(host.auth.privateKey)) vars.ansible_ssh_private_key_file = path.join(runDir, 'keys', host.name);
  }
  const become = secretValue(host.becomePassword);
  if (host.user !== 'root') {
    vars.ansible_become = 'true';
    vars.ansible_become_method = 'sudo';
    if (become) vars.ansible_become_pass = become;
  }
  return vars;
}

/** Writes the secret-bearing files for one stage (revealed vars, host_vars, unlocked keys). */
export function writeStageSecrets(runDir: string, config: InstallConfig, revealedVarsYml: string): void {
  writeFile0600(REVEALED_VARS(runDir), revealedVarsYml);
  const hosts = config.hosts.filter((h) => !h.taskbox);
  for (const host of hosts) {
    writeFile0600(path.join(runDir, 'inventory', 'host_vars', `${host.name}.json`), JSON.stringify(hostSecretVars(host, runDir)));
  }
  writeKeyFiles(runDir, hosts);
}

/** Deletes every secret-bearing file of the run dir. Never throws; safe to call twice. */
export function removeStageSecrets(runDir: string): void {
  // env/passwords: the passphrase prompts of earlier versions (a stage re-attached after an upgrade)
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
