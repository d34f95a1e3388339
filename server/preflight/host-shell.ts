/**
 * What the checks need from a host: run an argv, optionally as root. An SshSession satisfies it.
 * Every host is reached over SSH, the taskbox too (the wizard logs in to it to run the installer).
 */
import type { Host } from '@/lib/config/schema';
import { endpointOf } from '@/lib/config/endpoint';
import { secretValue, type Secret } from '@/lib/config/secret';
import type { ExecOptions, ExecResult, SshTarget } from '../ssh';

export interface HostShell {
  readonly isRoot: boolean;
  exec(argv: readonly string[], opts?: ExecOptions): Promise<ExecResult>;
  close(): void;
}

type LoginHost = Pick<Host, 'name' | 'address' | 'port' | 'user' | 'auth' | 'becomePassword'>;

/** Operator words for login secrets held back because the host's address or port changed since they were entered; undefined when none is. */
export function heldSecretsOf(host: LoginHost): string | undefined {
  const fields: [string, Secret | undefined][] = [
    ['SSH password', host.auth.kind === 'password' ? host.auth.password : undefined],
    ['SSH private key', host.auth.kind === 'key' ? host.auth.privateKey : undefined],
    ['key passphrase', host.auth.kind === 'key' ? host.auth.passphrase : undefined],
    ['sudo password', host.becomePassword],
  ];
  const held = fields.filter(([, s]) => s?.set && s.enteredFor !== undefined);
  if (held.length === 0) return undefined;
  const was = held[0]?.[1]?.enteredFor ?? '';
  return `the stored ${held.map(([w]) => w).join(' and ')} of ${host.name} ${held.length > 1 ? 'were' : 'was'} entered for ${was}, and ${host.name} now points at ${endpointOf(host)}: the wizard sends ${held.length > 1 ? 'them' : 'it'} nowhere until you confirm ${held.length > 1 ? 'them' : 'it'} for ${endpointOf(host)} (or enter ${held.length > 1 ? 'them' : 'it'} again) in the Hosts step`;
}

/** The SSH target of a host with its secrets resolved; a message when a needed secret is missing or held back. */
export function sshTargetOf(host: LoginHost): { target: SshTarget } | { missing: string } {
  const held = heldSecretsOf(host);
  if (held) return { missing: held };
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
