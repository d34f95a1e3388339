/**
 * Placeholder tokens and the one rule for writing a secret into an installer file.
 *
 * Invariants:
 * - `placeholder` mode never writes a secret value: set secrets become MASK, unset ones the
 *   slot's "unset" token.
 * - `reveal` mode writes the value of a set secret; a set secret whose value is not in hand (the
 *   server did not resolve it) is a programming error and throws, rather than silently writing a mask.
 * - An empty value counts as unset, so the importer's "placeholder = unset" mapping round-trips.
 */
import type { Secret } from '../config/secret';
import { InstallerRenderError } from './errors';

/** What the wizard writes instead of a secret in a download. */
export const MASK = '********';
/** The docs' literal password placeholder (`ansible_ssh_pass=PASSWORD`). */
export const DOC_PASSWORD = 'PASSWORD';
export { SHOULD_BE_REPLACED } from '../config/fields/placeholders';

export type SecretMode = 'placeholder' | 'reveal';

export function secretText(secret: Secret, mode: SecretMode, unsetToken: string, where: string): string {
  if (!secret.set) return unsetToken;
  if (mode === 'placeholder') return MASK;
  if (secret.value === undefined) {
    throw new InstallerRenderError(`${where}: the secret is set but its value was not resolved before rendering`);
  }
  return secret.value === '' ? unsetToken : secret.value;
}
