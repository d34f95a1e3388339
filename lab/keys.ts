/**
 * Key material: the client keys (one plain, one with a passphrase), the authorized_keys files sshd
 * reads (`<lab>/authorized_keys/<user>`, never `/root/.ssh`), host keys and their fingerprints.
 * Existing keys are kept, so `up` twice gives the same fingerprints.
 */
import { createHash } from 'node:crypto';
import { access, chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { writeLabFile } from './write-file';
import path from 'node:path';
import { runOk } from './run';

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

export async function ensureKey(file: string, comment: string, passphrase = ''): Promise<void> {
  if (await exists(file)) return;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
  await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', comment, '-f', file]);
}

export async function newHostKey(file: string, comment: string): Promise<void> {
  await rm(file, { force: true });
  await rm(`${file}.pub`, { force: true });
  await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
}

export async function writeAuthorizedKeys(dir: string, users: string[], pubKeyFiles: string[]): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  // mkdir's mode is masked by the umask and spares existing parents: make the path traversable
  for (let d = dir; d !== path.dirname(d) && d.startsWith('/run/'); d = path.dirname(d)) await chmod(d, 0o755);
  const lines = (await Promise.all(pubKeyFiles.map((f) => readFile(f, 'utf8')))).map((l) => l.trim()).join('\n') + '\n';
  for (const u of users) await writeLabFile(path.join(dir, u), lines, { mode: 0o644 });
}

export interface PublicKeyInfo {
  algorithm: string;
  base64: string;
  fingerprint: string;
}

/** Reads an OpenSSH `.pub` file: "ssh-ed25519 AAAA... comment". */
export async function readPublicKey(pubFile: string): Promise<PublicKeyInfo> {
  const [algorithm, base64] = (await readFile(pubFile, 'utf8')).trim().split(/\s+/);
  if (!algorithm || !base64) throw new Error(`not an OpenSSH public key: ${pubFile}`);
  const fingerprint = 'SHA256:' + createHash('sha256').update(Buffer.from(base64, 'base64')).digest('base64').replace(/=+$/, '');
  return { algorithm, base64, fingerprint };
}
