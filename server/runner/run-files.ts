/**
 * The wizard's own scratch dir of a run: `<KSW_DATA_DIR>/runs/<runId>/`. Since stages run on the
 * taskbox, the only thing done here is unlocking passphrase-protected private keys: each key is
 * written to keys/<host> (0600 in a 0700 dir), unlocked with `ssh-keygen -p` (see unlockKeyFile),
 * read back and deleted at once, before the stage's files go to the taskbox.
 *
 *   keys/<host>   transient, 0600; removed by `removeLocalScratch()` whatever happens
 *   askpass       0700 script, no secret: prints $KSW_KEY_PASSPHRASE for that ssh-keygen
 *
 * Why keys are unlocked instead of answering ssh's passphrase prompt: ssh prints that prompt to the
 * tty ("\rEnter passphrase for key '<path>': "), and the forks of ansible-playbook share it, so
 * prompts arriving together are lost or answered to the wrong reader: the stage hung until killed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Host } from '@/lib/config/schema';
import { secretValue } from '@/lib/config/secret';
import { loadEnv } from '../env';

export function runDirOf(runId: string): string {
  return path.join(loadEnv().dataDir, 'runs', runId);
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
    // built from scratch: nothing of the wizard's environment (KSW_SECRET_KEY, …) reaches a child
    env: { PATH: '/usr/bin:/bin', SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force', KSW_KEY_PASSPHRASE: passphrase } as Record<
      string,
      string
    > as NodeJS.ProcessEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: UNLOCK_TIMEOUT_MS,
    encoding: 'utf8',
  });
  if (r.error)
    return (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT'
      ? `ssh-keygen did not finish within ${UNLOCK_TIMEOUT_MS / 1000} s`
      : `ssh-keygen could not be run: ${r.error.message}`;
  if (r.status === 0) return undefined;
  // "Failed to load key <path>: <reason>": keep the reason, not our private path
  const first = (r.stderr ?? '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const reason = first.includes(`${keyFile}: `) ? first.slice(first.indexOf(`${keyFile}: `) + keyFile.length + 2) : first;
  return reason.trim() || `ssh-keygen exited with ${r.status ?? r.signal}`;
}

/**
 * The private key of every key-auth host of `hosts`, unlocked when it has a passphrase, by host
 * name. A key shared by several hosts (the usual case) is unlocked once (synchronously: ssh-keygen's
 * key derivation takes ~0.1 s per distinct key). Throws one operator-readable Error naming every
 * host whose key could not be opened. Nothing stays on the wizard's disk.
 */
export function unlockedHostKeys(runDir: string, hosts: readonly Pick<Host, 'name' | 'auth'>[]): Map<string, string> {
  const out = new Map<string, string>();
  const unlocked = new Map<string, { text?: string; error?: string; hosts: string[] }>();
  const keysDir = path.join(runDir, 'keys');
  fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  try {
    for (const host of hosts) {
      if (host.auth.kind !== 'key') continue;
      const key = secretValue(host.auth.privateKey);
      if (!key) continue;
      const text = key.endsWith('\n') ? key : `${key}\n`;
      const passphrase = secretValue(host.auth.passphrase);
      if (!passphrase) {
        out.set(host.name, text);
        continue;
      }
      const id = `${text}\0${passphrase}`;
      const done = unlocked.get(id);
      if (done) {
        done.hosts.push(host.name);
        if (done.text !== undefined) out.set(host.name, done.text);
        continue;
      }
      const keyFile = path.join(keysDir, host.name);
      writeFile0600(keyFile, text);
      const error = unlockKeyFile(keyFile, passphrase, path.join(runDir, 'askpass'));
      const result = error ? { error, hosts: [host.name] } : { text: fs.readFileSync(keyFile, 'utf8'), hosts: [host.name] };
      fs.rmSync(keyFile, { force: true });
      unlocked.set(id, result);
      if (result.text !== undefined) out.set(host.name, result.text);
    }
  } finally {
    removeLocalScratch(runDir);
  }
  const failed = [...unlocked.values()].filter((u) => u.error);
  if (failed.length > 0) {
    throw new Error(failed.map((u) => `the private key of ${u.hosts.join(', ')} could not be opened with its passphrase: ${u.error}`).join('; '));
  }
  return out;
}

/** Deletes every secret-bearing file of the run's scratch dir. Never throws; safe to call twice. */
export function removeLocalScratch(runDir: string): void {
  try {
    fs.rmSync(path.join(runDir, 'keys'), { recursive: true, force: true });
  } catch {
    // best effort; reconcile retries on boot
  }
}
