/**
 * Test helper: a copy of the repository's lab/installer placed on a (lab) host THROUGH SSH, at a
 * unique temp path that is the same whether lab hosts share this machine's file system or have
 * their own: `tar` of the folder here, base64 over the session's stdin, unpacked there as the login
 * user. Extra files (bundle-relative path → content) are written into the copy. Paths travel as
 * arguments, never inside the script.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { withHost, type SshTarget } from '../../ssh';

const LAB_INSTALLER = path.resolve(import.meta.dirname, '../../../lab/installer');

const UNPACK = 'set -e; mkdir -p "$1"; base64 -d | tar -xzf - -C "$1"';
const WRITE = 'set -e; mkdir -p "$(dirname "$1")"; cat >"$1"';

export function uniqueRemoteDir(): string {
  return `/tmp/ksw-test-${randomBytes(6).toString('hex')}`;
}

async function run(target: SshTarget, argv: string[], stdin?: string): Promise<void> {
  await withHost(target, async (session) => {
    const r = await session.exec(argv, { timeoutMs: 30_000, ...(stdin === undefined ? {} : { stdin }) });
    if (r.exitCode !== 0) throw new Error(`${argv.slice(0, 2).join(' ')} on ${target.name} exited ${r.exitCode}: ${r.stderr.trim()}`);
  });
}

export async function placeLabBundle(target: SshTarget, dir: string, extra: Record<string, string> = {}): Promise<void> {
  const tgz = execFileSync('tar', ['-C', LAB_INSTALLER, '-czf', '-', '.'], { maxBuffer: 64 * 1024 * 1024 }).toString('base64');
  await run(target, ['sh', '-c', UNPACK, 'sh', dir], tgz);
  for (const [rel, content] of Object.entries(extra)) await writeRemoteFile(target, path.posix.join(dir, rel), content);
}

export async function writeRemoteFile(target: SshTarget, file: string, content: string): Promise<void> {
  await run(target, ['sh', '-c', WRITE, 'sh', file], content);
}

export async function removeRemoteDir(target: SshTarget, dir: string): Promise<void> {
  if (!/^\/tmp\/ksw-test-[0-9a-f]+$/.test(dir)) throw new Error(`refusing to remove ${dir}: not a test bundle dir`);
  await run(target, ['rm', '-rf', '--', dir]);
}
