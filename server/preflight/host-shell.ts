/**
 * What the checks need from a host: run an argv, optionally as root. An SshSession satisfies it;
 * `localShell` does the same on the wizard's own machine for the taskbox (auth "none",
 * ansible_connection=local), where there is nothing to SSH into.
 */
import { execFile } from 'node:child_process';
import type { Host } from '@/lib/config/schema';
import { secretValue } from '@/lib/config/secret';
import type { ExecOptions, ExecResult, SshTarget } from '../ssh';

export interface HostShell {
  readonly isRoot: boolean;
  exec(argv: readonly string[], opts?: ExecOptions): Promise<ExecResult>;
  close(): void;
}

export function localShell(): HostShell {
  const isRoot = process.getuid?.() === 0;
  return {
    isRoot,
    exec(argv, opts = {}) {
      const full = opts.sudo && !isRoot ? ['sudo', '-n', '--', ...argv] : [...argv];
      const [file, ...args] = full;
      return new Promise((resolve) => {
        const child = execFile(file ?? 'true', args, { timeout: opts.timeoutMs ?? 60_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
          const code = (err as { code?: unknown } | null)?.code;
          resolve({ stdout, stderr, exitCode: err ? (typeof code === 'number' ? code : 1) : 0 });
        });
        child.stdin?.end(opts.stdin ?? '');
      });
    },
    close() {
      /* nothing to close */
    },
  };
}

/** The SSH target of a host with its secrets resolved; a message when a needed secret is missing. */
export function sshTargetOf(host: Host): { target: SshTarget } | { missing: string } {
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
    case 'none':
      return { missing: `${host.name} has no SSH credentials (only the taskbox may use "none")` };
  }
}
