/**
 * Machine prerequisites for the lab: root, the programs it runs, and sshd's privilege-separation
 * directory. Installs missing apt packages (idempotent: nothing happens when all are present).
 * Returns whether it created /run/sshd so `down` can remove it again.
 */
import { access, constants, mkdir, stat } from 'node:fs/promises';
import { run } from './run';

const REQUIRED: Array<{ bin: string; pkg: string }> = [
  { bin: '/usr/sbin/sshd', pkg: 'openssh-server' },
  { bin: '/usr/bin/ssh-keygen', pkg: 'openssh-client' },
  { bin: '/usr/bin/sshpass', pkg: 'sshpass' },
  { bin: '/usr/bin/sudo', pkg: 'sudo' },
  { bin: '/usr/bin/unshare', pkg: 'util-linux' },
  { bin: '/usr/bin/nsenter', pkg: 'util-linux' },
  { bin: '/usr/sbin/ip', pkg: 'iproute2' },
  { bin: '/usr/sbin/nft', pkg: 'nftables' },
  { bin: '/usr/sbin/useradd', pkg: 'passwd' },
];

export class LabSetupError extends Error {}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function ensureRoot(): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new LabSetupError(
      'the lab must run as root (it makes a bridge and a network namespace per host, starts sshd on port 22, mounts a private filesystem per host and creates a user); try: sudo npm run lab -- up',
    );
  }
}

export async function ensureTools(log: (line: string) => void): Promise<void> {
  const missing: string[] = [];
  for (const r of REQUIRED) if (!(await exists(r.bin))) missing.push(r.pkg);
  if (missing.length === 0) return;
  const pkgs = [...new Set(missing)];
  if (!(await exists('/usr/bin/apt-get'))) {
    throw new LabSetupError(`missing packages ${pkgs.join(', ')} and apt-get is not available: install them by hand`);
  }
  log(`installing ${pkgs.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = await run('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs], { env });
  if (r.code !== 0) {
    await run('apt-get', ['update'], { env });
    r = await run('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs], { env });
  }
  if (r.code !== 0) {
    throw new LabSetupError(`apt-get could not install ${pkgs.join(', ')}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
}

/** sshd refuses to start without /run/sshd. Returns true when this call created it. */
export async function ensurePrivsepDir(): Promise<boolean> {
  try {
    await stat('/run/sshd');
    return false;
  } catch {
    /* create below */
  }
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  return true;
}
