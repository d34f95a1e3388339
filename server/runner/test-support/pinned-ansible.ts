/**
 * The two Ansibles a taskbox may run, for tests: the bundle's pinned 2.7.6 on Python 2.7 (unpacked
 * from ../shared/upstream into a temp dir, as /work/shared/upstream/README.md shows) and Debian's
 * ansible-core (/usr/bin/ansible-playbook). Each is undefined where it is absent, with the reason.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface AnsibleRunner {
  label: string;
  /** argv prefix of ansible-playbook. */
  argv: string[];
  env: Record<string, string>;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const ANSIBLE_276_TARBALL = path.resolve(REPO_ROOT, '../shared/upstream/ansible-2.7.6-py27.tar.gz');
const PYTHON_27 = '/root/.pyenv/versions/2.7.18/bin/python2.7';
const ANSIBLE_CORE = '/usr/bin/ansible-playbook';

export type Found = { runner: AnsibleRunner } | { missing: string };

/** Unpacks Ansible 2.7.6 with Jinja2, MarkupSafe and PyYAML under `workDir`. */
export function ansible276(workDir: string): Found {
  if (!fs.existsSync(ANSIBLE_276_TARBALL)) return { missing: `${ANSIBLE_276_TARBALL} is absent (../shared/upstream)` };
  if (!fs.existsSync(PYTHON_27)) return { missing: `${PYTHON_27} is absent (pyenv's Python 2.7.18)` };
  const dir = fs.mkdtempSync(path.join(workDir, 'ansible-276-'));
  execFileSync('tar', ['-xzf', ANSIBLE_276_TARBALL, '-C', dir]);
  const py = path.join(dir, 'py');
  fs.mkdirSync(py);
  for (const lib of ['ansible-2.7.6/lib/ansible', 'jinja-2.10.1/jinja2', 'markupsafe-1.1.1/src/markupsafe', 'pyyaml-5.1.2/lib/yaml']) {
    fs.cpSync(path.join(dir, lib), path.join(py, path.basename(lib)), { recursive: true });
  }
  return {
    runner: {
      label: 'Ansible 2.7.6 (Python 2.7)',
      argv: [PYTHON_27, path.join(dir, 'ansible-2.7.6/bin/ansible-playbook')],
      env: { PYTHONPATH: py, ANSIBLE_PYTHON_INTERPRETER: PYTHON_27 },
    },
  };
}

export function ansibleCore(): Found {
  if (!fs.existsSync(ANSIBLE_CORE)) return { missing: `${ANSIBLE_CORE} is absent (apt-get install ansible-core)` };
  return { runner: { label: 'ansible-core (Debian)', argv: [ANSIBLE_CORE], env: { ANSIBLE_PYTHON_INTERPRETER: '/usr/bin/python3' } } };
}

export const tempWorkDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
