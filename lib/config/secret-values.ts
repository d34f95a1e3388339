/** Helpers over secret fields (secret.ts describes them); no zod here, so the browser can use them cheaply. */
import type { Secret } from './secret';

export const unsetSecret = (): Secret => ({ set: false });
export const secretOf = (value: string | undefined): Secret => (value === undefined || value === '' ? { set: false } : { set: true, value });

/** True when a stored login secret is held back because its host's address or port changed since it was entered. */
export const isHeld = (s: Secret | undefined): boolean => Boolean(s?.set && s.enteredFor !== undefined);

/** A secret that has a value the caller can use (resolved on the server for a run). */
export function secretValue(s: Secret | undefined): string | undefined {
  return s?.set ? s.value : undefined;
}

/** True when the secret is set, whether or not its value is in hand. */
export const isSet = (s: Secret | undefined): boolean => Boolean(s?.set);
