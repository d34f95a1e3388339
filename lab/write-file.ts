/**
 * How the lab writes a file that live readers use: other test processes' sshd re-read their
 * sshd_config and authorized_keys on every connection, ssh and Ansible read known_hosts, the app
 * reads state.json. `labUp` from any test file rewrites them all, so a plain truncate-and-write
 * let a concurrent login see an empty file ("authentication refused" in an unrelated test).
 *
 * - Unchanged content is not written at all (the usual case: re-running up on a running lab).
 * - Changed content replaces the file atomically (temp file + rename): a reader sees old or new.
 * - `inPlace` is for bind-mounted files (each host's /etc/hosts): the mount pins the inode, so a
 *   rename would leave the host on the old file; those only ever get their one fixed content.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';

export async function writeLabFile(file: string, content: string, opts: { mode: number; inPlace?: boolean }): Promise<void> {
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === content) return;
  if (opts.inPlace) {
    await writeFile(file, content, { mode: opts.mode });
    return;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, content, { mode: opts.mode });
  await rename(tmp, file);
}
