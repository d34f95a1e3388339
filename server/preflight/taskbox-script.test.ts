/**
 * The taskbox script run for real on this machine (sh, as the SSH layer would run it) against
 * bundles forged in a temp dir: layout states, the version read from the shipped copy first, the
 * logs' file system, programs found only on the profile's PATH. Paths with quotes, spaces and
 * `$(…)` go through as plain arguments.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILES, SHIPPED_DIR, type InstallerProfile } from '../installer-profiles/profiles';
import { findTopLevelKey, parseAnsibleVersion, parseTaskboxOutput, type TaskboxFacts } from './parse/taskbox';
import { taskboxArgv } from './taskbox-script';
import { taskboxProbeSpec } from './taskbox-spec';

const KS = PROFILES['kubesphere-2.0.2'];
let tmp = '';

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ksw-taskbox-'$(touch x) "));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function look(profile: InstallerProfile, bundle: string | undefined, opts: { bundleOnly?: boolean } = {}): Promise<TaskboxFacts> {
  const spec = taskboxProbeSpec(profile, bundle, opts);
  const [file, ...args] = taskboxArgv(spec);
  return new Promise((resolve, reject) => {
    execFile(file ?? 'sh', args, { timeout: 30_000, cwd: tmp }, (err, stdout) => (err ? reject(err) : resolve(parseTaskboxOutput(stdout, spec))));
  });
}

/** A 2.0.2-shaped bundle with conf/vars.yml saying `versionLine`; `skip` files left out. */
function forge(name: string, versionLine: string, skip: string[] = []): string {
  const root = path.join(tmp, name);
  for (const d of KS.layout.dirs) fs.mkdirSync(path.join(root, d), { recursive: true });
  for (const f of KS.layout.files.filter((x) => !skip.includes(x))) fs.writeFileSync(path.join(root, f), '- hosts: all\n');
  fs.writeFileSync(path.join(root, 'conf/vars.yml'), `##config\nqingcloud_lb_enable: false\n  ks_version: 9.9.9\n${versionLine}\nkube_version: v1.13.5\n`);
  fs.mkdirSync(path.join(root, 'scripts/os'), { recursive: true });
  fs.writeFileSync(path.join(root, 'scripts/os/os_check.sh'), '#!/bin/bash\n');
  return root;
}

describe('the taskbox script, run for real on this machine', () => {
  it("a complete 2.0.2 bundle: every part found, the version read with its line, the logs' disk", async () => {
    const root = forge('ks-202', 'ks_version: 2.0.2');
    const f = await look(KS, root);
    expect(f.complete).toBe(true);
    expect(f.user).toBe(os.userInfo().username);
    expect(f.bundle).toMatchObject({
      path: root,
      root: 'ok',
      bootstrapScript: 'ok',
      version: { file: 'conf/vars.yml', key: 'ks_version', shipped: false, value: '2.0.2', line: 4 },
    });
    expect(f.bundle?.entries.map((e) => `${e.path}:${e.state}`)).toEqual([
      'conf:ok',
      'k8s:ok',
      'kubesphere:ok',
      'preinstall:ok',
      'scripts:ok',
      'preinstall/init.yml:ok',
      'k8s/cluster.yml:ok',
      'kubesphere/kubesphere.yml:ok',
      'conf/vars.yml:ok',
    ]);
    expect(f.bundle?.disk).toMatchObject({ dir: root, availKb: expect.any(Number) });
    fs.mkdirSync(path.join(root, 'logs'));
    expect((await look(KS, root)).bundle?.disk?.dir).toBe(path.join(root, 'logs'));
  });

  it('the shipped copy rules over the config file the wizard rewrote', async () => {
    const root = forge('ks-210-rewritten', 'ks_version: 2.0.2');
    fs.mkdirSync(path.join(root, SHIPPED_DIR, 'conf'), { recursive: true });
    fs.writeFileSync(path.join(root, SHIPPED_DIR, 'conf/vars.yml'), '# shipped\nks_version: "2.1.0"   # upgrade.sh reads this\n');
    const f = await look(KS, root);
    expect(f.bundle?.version).toEqual({
      file: 'conf/vars.yml',
      key: 'ks_version',
      shipped: true,
      readFrom: `${SHIPPED_DIR}/conf/vars.yml`,
      value: '2.1.0',
      line: 2,
    });
  });

  it('missing parts, a file instead of the bundle, nothing there, no key', async () => {
    const root = forge('ks-partial', 'kube_version_only: 1', ['k8s/cluster.yml']);
    fs.rmSync(path.join(root, 'scripts/os/os_check.sh'));
    const partial = await look(KS, root);
    expect(partial.bundle?.entries.filter((e) => e.state !== 'ok').map((e) => e.path)).toEqual(['k8s/cluster.yml']);
    expect(partial.bundle?.version).toMatchObject({ shipped: false, value: undefined, line: undefined });
    expect(partial.bundle?.bootstrapScript).toBe('missing');
    const file = path.join(tmp, 'kubesphere-all-advanced-2.0.2.tar.gz');
    fs.writeFileSync(file, 'not unpacked');
    expect((await look(KS, file)).bundle).toMatchObject({ root: 'wrong-kind', entries: [] });
    const gone = await look(KS, path.join(tmp, 'nope'));
    expect(gone.bundle).toMatchObject({ root: 'missing', entries: [] });
    expect(gone.bundle?.disk).toBeUndefined();
    expect((await look(KS, undefined)).bundle).toBeUndefined();
  });

  it('programs are looked up on the profile PATH only: an ansible-playbook elsewhere is not found', async () => {
    const bin = path.join(tmp, 'ansible bin');
    fs.mkdirSync(bin);
    const fake = path.join(bin, 'ansible-playbook');
    fs.writeFileSync(
      fake,
      '#!/bin/sh\necho "ansible-playbook 2.7.6"\necho "  executable location = $0"\necho "  python version = 2.7.18 (default, May  9 2026) [GCC 12.2.0]"\n',
      { mode: 0o755 },
    );
    const py = path.join(bin, 'python2.7');
    fs.writeFileSync(py, '#!/bin/sh\necho "Python 2.7.18" >&2\n', { mode: 0o755 });
    const profile: InstallerProfile = {
      ...KS,
      taskbox: { ...KS.taskbox, path: [bin, '/usr/bin', '/bin'], bootstrapPython: ['python2.7', '/nonexistent/python2'] },
    };
    const f = await look(profile, undefined);
    expect(f.ansible).toMatchObject({
      command: 'ansible-playbook',
      path: fake,
      exitCode: 0,
      firstLine: 'ansible-playbook 2.7.6',
      version: '2.7.6',
      python: '2.7.18',
    });
    expect(f.python).toEqual([{ command: 'python2.7', path: py, version: 'Python 2.7.18' }, { command: '/nonexistent/python2' }]);
    const elsewhere = await look({ ...profile, taskbox: { ...profile.taskbox, path: [path.join(tmp, 'empty')] } }, undefined);
    expect(elsewhere.ansible).toEqual({ command: 'ansible-playbook', output: '' });
    expect(elsewhere.python).toEqual([{ command: 'python2.7' }, { command: '/nonexistent/python2' }]);
    // the bundle-only look (the install gate's) asks for no program
    expect((await look(profile, undefined, { bundleOnly: true })).ansible).toBeUndefined();
    expect(fs.existsSync(path.join(tmp, 'x'))).toBe(false); // the temp dir's name was never run as a command
  });

  it("Debian's ansible-core answers under the lab-core profile's PATH (a UTF-8 locale is set for it)", async () => {
    if (!fs.existsSync('/usr/bin/ansible-playbook'))
      return void console.warn('skipped: /usr/bin/ansible-playbook is not installed here (scripts/setup.sh installs it)');
    const f = await look(PROFILES['lab-core'], undefined);
    expect(f.ansible).toMatchObject({ path: '/usr/bin/ansible-playbook', exitCode: 0, firstLine: expect.stringMatching(/^ansible-playbook \[core 2\.\d+/) });
  });
});

describe('parsers', () => {
  it('findTopLevelKey reads only unindented keys; strips quotes and comments', () => {
    expect(findTopLevelKey('a: 1\n  ks_version: 9\nks_version: 2.0.2\n', 'ks_version')).toEqual({ value: '2.0.2', line: 3 });
    expect(findTopLevelKey("ks_version: '2.1.0' # x", 'ks_version')?.value).toBe('2.1.0');
    expect(findTopLevelKey('ks_version:\n', 'ks_version')).toEqual({ value: undefined, line: 1 });
    expect(findTopLevelKey('ks_versions: 1\n', 'ks_version')).toBeUndefined();
    expect(findTopLevelKey('ks_version: 2.0.2 # x\n', 'ks_version')?.value).toBe('2.0.2');
    expect(findTopLevelKey('ks_version: # none\n', 'ks_version')?.value).toBeUndefined();
  });

  it('parseAnsibleVersion reads ansible-core and old ansible first lines', () => {
    expect(parseAnsibleVersion('ansible-playbook [core 2.14.18]')).toEqual({ version: '2.14.18', major: 2, minor: 14, core: true });
    expect(parseAnsibleVersion('ansible-playbook 2.7.6')).toEqual({ version: '2.7.6', major: 2, minor: 7, core: false });
    expect(parseAnsibleVersion('ansible-playbook (unknown)')).toBeUndefined();
  });

  it('a look cut off before its end is marked incomplete', () => {
    const spec = taskboxProbeSpec(KS, '/opt/ks');
    const f = parseTaskboxOutput('@@ksw:tb-user\nroot\n', spec);
    expect(f).toMatchObject({ user: 'root', complete: false, bundle: undefined });
  });
});
