/**
 * Every playbook that ships with ks-wizard runs under the bundle's pinned Ansible 2.7.6 (Python 2.7)
 * as well as under ansible-core: it passes --syntax-check under both (2.7 knows no collection names
 * such as ansible.builtin.command). Each Ansible is skipped, with the reason, where it is absent.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ansible276, ansibleCore, tempWorkDir } from '../test-support/pinned-ansible';

const work = tempWorkDir('ksw-builtin-playbooks-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const playbooks = fs
  .readdirSync(import.meta.dirname, { withFileTypes: true })
  .flatMap((e) => (e.isFile() && e.name.endsWith('.yml') ? [e.name] : e.isDirectory() ? [`${e.name}/${e.name}.yml`] : []))
  .filter((p) => fs.existsSync(path.join(import.meta.dirname, p)));

describe.each([ansible276(work), ansibleCore()])('builtin playbooks', (found) => {
  if ('missing' in found) {
    it.skip(`skipped: ${found.missing}`, () => undefined);
    return;
  }
  const { runner } = found;
  it.each(playbooks)(
    `%s passes --syntax-check under ${runner.label}`,
    (playbook) => {
      const r = spawnSync(runner.argv[0] ?? '', [...runner.argv.slice(1), '-i', 'localhost,', path.join(import.meta.dirname, playbook), '--syntax-check'], {
        encoding: 'utf8',
        timeout: 120_000,
        env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: work, LANG: 'C.UTF-8', ANSIBLE_LOCAL_TEMP: path.join(work, 'tmp'), ...runner.env } as Record<
          string,
          string
        > as NodeJS.ProcessEnv,
      });
      expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    },
    120_000,
  );
});
