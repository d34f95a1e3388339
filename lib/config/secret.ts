import { z } from 'zod';

/**
 * A secret field (SSH password, private key, sudo password, storage credential).
 *
 * The browser and the API only ever see `{ set: boolean }`. To replace a secret the client sends
 * `{ set: true, value: "new value" }`; to keep the stored one it sends `{ set: true }`; to clear it
 * `{ set: false }`; to reuse another stored secret of the same config ("same as the first host")
 * `{ set: true, copyFrom: "hosts.0.auth.password" }`. Only the server, right before writing files for a run, fills `value` from the
 * encrypted store (server/secrets). Nothing else may put a plain value in a config object.
 */
export const secretSchema = z.object({
  set: z.boolean(),
  value: z.string().optional(),
  /** Dot path of another secret in the same config whose value this one takes (resolved on save). */
  copyFrom: z.string().optional(),
  /**
   * Set by the server only: the stored value of this login secret was entered for another endpoint
   * ("10.0.0.1:22") than its host's address:port now; it is held back (never sent) until confirmed.
   */
  enteredFor: z.string().max(300).optional(),
  /** Sent by the client to confirm a held secret for the endpoint the operator was shown ("address:port"). */
  useFor: z.string().max(300).optional(),
});
export type Secret = z.infer<typeof secretSchema>;

// the helpers live without zod, so browser code that only needs them does not load zod
export { isHeld, isSet, secretOf, secretValue, unsetSecret } from './secret-values';
