/**
 * Reading and writing `Install.secretsEnc`. The blob is sealed with the install id as context, so
 * it cannot be moved to another install. Values never leave the server except through
 * resolve-secrets.ts (runs and preflight).
 */
import { loadSecretKey } from '../crypto/load-secret-key';
import { openSecrets, sealSecrets, type SecretMap } from '../crypto/secret-box';

export function readStoredSecrets(install: { id: string; secretsEnc: string | null }): SecretMap {
  return install.secretsEnc ? openSecrets(install.secretsEnc, loadSecretKey(), install.id) : {};
}

/** The blob to store, or null when there is no secret at all. */
export function sealStoredSecrets(installId: string, secrets: SecretMap): string | null {
  return Object.keys(secrets).length === 0 ? null : sealSecrets(secrets, loadSecretKey(), installId);
}
