/**
 * What the checks need from a host: run an argv, optionally as root. An SshSession satisfies it.
 * Every host is reached over SSH, the taskbox too (the wizard logs in to it to run the installer).
 */
import type { Host } from '@/lib/config/schema';
import { secretValue } from '@/lib/config/secret';
import type { ExecOptions, ExecResult, SshTarget } from '../ssh';

export interface HostShell {
  readonly isRoot: boolean;
  exec(argv: readonly string[], opts?: ExecOptions): Promise<ExecResult>;
  close(): void;
}

/** The SSH target of a host with its secrets resolved; a message when a needed secret is missing. */
export function sshTargetOf(host: Pick<Host, 'name' | 'address' | 'port' | 'user' | 'auth' | 'becomePassword'>): { target: SshTarget } | { missing: string } {
  const base = { name: host.name, address: host.address, port: host.port, user: host.user };
  const become = secretValue(host.becomePassword);
  const withBecome = become ? { becomePassword: become } : {};
  switch (host.auth.kind) {
    case 'password': {
      const password = secretValue(host.auth.password);
      if (!password) return { missing: `no SSH password is stored for ${host.name}` };
      return { target: { ...base, ...withBecome, auth: { kind: 'password', password } } };
    }
    case 'key': {
      const privateKey = secretValue(host.auth.privateKey);
      if (!privateKey) return { missing: `no private key is stored for ${host.name}` };
      const passphrase = secretValue(host.auth.passphrase);
      return { target: { ...base, ...withBecome, auth: { kind: 'key', privateKey, ...(passphrase ? { passphrase } : {}) } } };
    }
  }
}
