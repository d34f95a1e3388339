/**
 * The login a host check used, as something the install gate can compare later without keeping a
 * secret: user, SSH address, port and auth kind as they are, and one keyed hash (server/crypto
 * keyed-hash.ts) over the install id, the host name and every secret value of the login (SSH
 * password, private key, passphrase, sudo password). The host name and install id are hashed in
 * so two hosts with the same password do not show equal hashes.
 *
 * Invariants: only resolved hosts go in (a `{set:true}` secret without its value throws, rather
 * than hash as if empty; a secret held back for another endpoint hashes as that, not as a value);
 * the fingerprint holds no secret value and nothing logs one.
 */
import type { Host, HostAuth } from '@/lib/config/schema';
import type { Secret } from '@/lib/config/secret';
import { deriveKey, keyedHash } from '../crypto/keyed-hash';
import type { PreflightHost } from './preflight-hosts';
import { checkedTarget, type CheckedTarget } from './view';

export interface LoginFingerprint {
  user: string;
  address: string;
  port: number;
  auth: HostAuth['kind'];
  /** HMAC-SHA256 (base64url) of install id, host name, auth kind and the secret values. */
  secrets: string;
}

const PURPOSE = 'login-fingerprint/v1';

/** The sub-key for login fingerprints, derived from the app's secret key. */
export function loginFingerprintKey(key?: Buffer): Buffer {
  return deriveKey(PURPOSE, key);
}

function valueOf(secret: Secret, what: string, host: string): string | null {
  if (!secret.set) return null;
  if (secret.value === undefined && secret.enteredFor !== undefined) return `\u0000held-for:${secret.enteredFor}`;
  if (secret.value === undefined) throw new Error(`login fingerprint of ${host}: the ${what} is set but not resolved`);
  return secret.value;
}

export function loginFingerprint(
  installId: string,
  host: Pick<Host, 'name' | 'user' | 'address' | 'port' | 'auth' | 'becomePassword'>,
  subKey: Buffer,
): LoginFingerprint {
  const v = (secret: Secret, what: string) => valueOf(secret, what, host.name);
  const auth = host.auth;
  const password = auth.kind === 'password' ? v(auth.password, 'SSH password') : null;
  const privateKey = auth.kind === 'key' ? v(auth.privateKey, 'private key') : null;
  const passphrase = auth.kind === 'key' ? v(auth.passphrase, 'key passphrase') : null;
  const become = v(host.becomePassword, 'sudo password');
  return {
    user: host.user,
    address: host.address,
    port: host.port,
    auth: auth.kind,
    secrets: keyedHash(subKey, [installId, host.name, auth.kind, password, privateKey, passphrase, become]),
  };
}

export function sameLogin(a: LoginFingerprint, b: LoginFingerprint): boolean {
  return a.user === b.user && a.address === b.address && a.port === b.port && a.auth === b.auth && a.secrets === b.secrets;
}

/** A checked target with its login, as every run records it now. */
export type CheckedLoginTarget = CheckedTarget & { login: LoginFingerprint };

/** What a check of each (resolved) host or installer machine depended on, its login included: PreflightRun.hostsJson. */
export function checkedTargets(installId: string, hosts: readonly PreflightHost[], subKey: Buffer = loginFingerprintKey()): CheckedLoginTarget[] {
  return hosts.map((h) => ({ ...checkedTarget(h), login: loginFingerprint(installId, h, subKey) }));
}
