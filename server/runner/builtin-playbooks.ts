/**
 * The playbooks that ship with ks-wizard (server/runner/playbooks/), as files for a stage's dir on
 * the taskbox. A `builtin:<file>` at the top of that folder is uploaded alone; one inside a folder of
 * its own (`builtin:internal-lb/internal-lb.yml`) brings that whole folder (its templates), tests
 * excepted, with the same relative paths under the stage's dir.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RemoteFile } from './taskbox/remote-files';

export const BUILTIN_PLAYBOOKS_DIR = path.resolve(process.cwd(), 'server/runner/playbooks');

const isShipped = (rel: string): boolean => !/\.test\.ts$/.test(rel);

export interface BuiltinPlaybook {
  /** The playbook's path on the taskbox. */
  playbook: string;
  files: RemoteFile[];
}

export function builtinPlaybookFiles(ref: string, stageDir: string, root = BUILTIN_PLAYBOOKS_DIR): BuiltinPlaybook {
  const rel = ref.replace(/^builtin:/, '');
  if (rel.split('/').includes('..') || path.isAbsolute(rel)) throw new Error(`not a builtin playbook: ${JSON.stringify(ref)}`);
  const folder = rel.includes('/') ? rel.split('/')[0] : undefined;
  const names =
    folder === undefined
      ? [rel]
      : (fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' }) as string[]).map((n) =>
          path.posix.join(folder, n.split(path.sep).join('/')),
        );
  const files = names
    .filter((n) => isShipped(n) && fs.statSync(path.join(root, n)).isFile())
    .sort()
    .map((n) => ({ path: `${stageDir}/${n}`, content: fs.readFileSync(path.join(root, n), 'utf8'), mode: 0o600 }));
  return { playbook: `${stageDir}/${rel}`, files };
}
