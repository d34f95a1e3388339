/** Host key fingerprints in OpenSSH's format: "SHA256:" + base64(sha256(key blob)) without padding. */
import { createHash } from 'node:crypto';
import type { HostKeyFingerprint } from './types';

export function fingerprintOf(keyBlob: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '');
}

/** The key type is the first SSH string in the blob (uint32 length + bytes). */
export function algorithmOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const len = keyBlob.readUInt32BE(0);
  return len > 0 && 4 + len <= keyBlob.length ? keyBlob.subarray(4, 4 + len).toString('ascii') : 'unknown';
}

export function sameFingerprint(a: HostKeyFingerprint, b: HostKeyFingerprint): boolean {
  const norm = (f: string) => f.replace(/=+$/, '');
  return norm(a.fingerprint) === norm(b.fingerprint);
}
