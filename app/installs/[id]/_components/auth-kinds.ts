import type { HostAuth } from '@/lib/config/schema';
import { unsetSecret } from '@/lib/config/secret-values';

/** The SSH credentials a login can use (a host's, or the installer machine's), for a SegmentedControl. */
export const AUTH_KINDS = [
  { value: 'password', label: 'Password' },
  { value: 'key', label: 'Private key' },
];

/** A fresh credential of `kind`, with nothing entered yet. */
export function authOf(kind: string): HostAuth {
  if (kind === 'key') return { kind: 'key', privateKey: unsetSecret(), passphrase: unsetSecret() };
  return { kind: 'password', password: unsetSecret() };
}
