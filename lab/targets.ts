/**
 * Turns lab state into SshTargets for the SSH layer: as root (key) or as the lab user (password,
 * key, or key with passphrase), with the host key the lab generated as the expected key.
 */
import { readFileSync } from 'node:fs';
import type { SshTarget } from '../server/ssh/types';
import type { LabHostState, LabState } from './state';

export type LabLogin = 'root-key' | 'user-password' | 'user-key' | 'user-key-passphrase';

export function labTarget(state: LabState, host: LabHostState, login: LabLogin = 'user-password', pinHostKey = true): SshTarget {
  const base = {
    name: host.name,
    address: host.address,
    port: host.port,
    ...(pinHostKey ? { expectedHostKey: { algorithm: host.hostKeyAlgorithm, fingerprint: host.hostKeyFingerprint } } : {}),
  };
  switch (login) {
    case 'root-key':
      return { ...base, user: 'root', auth: { kind: 'key', privateKey: readFileSync(state.keyPath) } };
    case 'user-password':
      return { ...base, user: state.user, auth: { kind: 'password', password: state.password } };
    case 'user-key':
      return { ...base, user: state.user, becomePassword: state.password, auth: { kind: 'key', privateKey: readFileSync(state.keyPath) } };
    case 'user-key-passphrase':
      return {
        ...base,
        user: state.user,
        becomePassword: state.password,
        auth: { kind: 'key', privateKey: readFileSync(state.keyWithPassphrasePath), passphrase: state.keyPassphrase },
      };
  }
}
