/**
 * Reading and writing `Install.secretsEnc`. The blob is sealed with the install id as context, so
 * it cannot be moved to another install. Values never leave the server except through
 * resolve-secrets.ts (runs and preflight).
 */
import { loadSecretKey } from '../crypto/load-secret-key';
import { openSecrets, sealSecrets, type SecretMap } from '../crypto/secret-box';
import { joinStore, splitStore, type EndpointMap } from './secret-endpoints';

export interface StoredSecrets {
  values: SecretMap;
  /** Login secret id -> the endpoint its value is bound to (secret-endpoints.ts). */
  endpoints: EndpointMap;
}

export function readStoredSecrets(install: { id: string; secretsEnc: string | null }): StoredSecrets {
  return splitStore(install.secretsEnc ? openSecrets(install.secretsEnc, loadSecretKey(), install.id) : {});
}

/** The blob to store, or null when there is no secret at all. */
export function sealStoredSecrets(installId: string, secrets: SecretMap, endpoints: EndpointMap = {}): string | null {
  return Object.keys(secrets).length === 0 ? null : sealSecrets(joinStore(secrets, endpoints), loadSecretKey(), installId);
}
