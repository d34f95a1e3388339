/** How a host's recorded faults translate into its sshd auth mode (the only config faults change). */
import type { AuthMode } from './sshd-config';
import type { HostFault } from './state';

export function authModeOf(faults: readonly HostFault[]): AuthMode {
  if (faults.includes('password-off')) return 'password-off';
  if (faults.includes('kbd-only')) return 'kbd-only';
  return 'normal';
}
