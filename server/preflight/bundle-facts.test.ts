/**
 * The wizard-machine gatherers against real files and programs: a bundle forged in a temp dir, the
 * repository's lab/installer, and the ansible-playbook / ansible-runner of this machine (plus stand-in
 * scripts that hang or fail).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '@/lib/config/defaults';
import type { InstallConfig } from '@/lib/config/schema';
import { PROFILES, type InstallerProfile } from '../runner/profiles';
import { gatherAnsibleFacts } from './ansible-facts';
import { findTopLevelKey, gatherBundleFacts } from './bundle-facts';
import { judgeAnsible, judgeBundle } from './checks/bundle';

const KS = PROFILES['kubesphere-2.0.2'];
const LAB = PROFILES.lab;
let tmp = '';

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-bundle-'));
});
afterAll(() => {
  if (!tmp) return;
  fs.chmodSync(tmp, 0o700);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function configFor(profile: InstallerProfile, bundlePath: string): InstallConfig {
  const c = defaultConfig();
  c.installer = { ...c.installer, profile: profile.id, bundlePath };
  return c;
}

/** A 2.0.2-shaped bundle: the profile's folders and playbooks, and conf/vars.yml with `versionLine`. */
function forge(name: string, versionLine: string, skip: string[] = []): string {
  const root = path.join(tmp, name);
  for (const d of KS.layout.dirs) fs.mkdirSync(path.join(root, d), { recursive: true });
  for (const f of KS.layout.files.filter((x) => !skip.includes(x))) fs.writeFileSync(path.join(root, f), '- hosts: all\n');
  fs.writeFileSync(path.join(root, 'conf/vars.yml'), `##config\nqingcloud_lb_enable: false\n  ks_version: 9.9.9\n${versionLine}\nkube_version: v1.13.5\n`);
  return root;
}

describe('gatherBundleFacts', () => {
  it('a complete 2.0.2 bundle: every part found, the version read with its line, config files writable', () => {
    const root = forge('ks-202', 'ks_version: 2.0.2');
    const f = gatherBundleFacts(configFor(KS, root), KS);
    expect(f).toMatchObject({ path: root, configured: root, root: 'ok', notWritable: [], version: { file: 'conf/vars.yml', key: 'ks_version', value: '2.0.2', line: 4 } });
    expect(f.entries.map((e) => `${e.path}:${e.state}`)).toEqual([
      'conf:ok', 'k8s:ok', 'kubesphere:ok', 'preinstall:ok', 'scripts:ok',
      'preinstall/init.yml:ok', 'k8s/cluster.yml:ok', 'kubesphere/kubesphere.yml:ok', 'conf/vars.yml:ok',
    ]);
    expect(judgeBundle(KS, f).status).toBe('pass');
  });

  it('a 2.1.0 bundle without k8s/cluster.yml: the version and the missing playbook are both reported', () => {
    const root = forge('ks-210', 'ks_version: "2.1.0"   # upgrade.sh reads this', ['k8s/cluster.yml']);
    const r = judgeBundle(KS, gatherBundleFacts(configFor(KS, root), KS));
    expect(r.status).toBe('fail');
    expect(r.message).toBe(`The bundle at ${root} is KubeSphere 2.1.0 (conf/vars.yml ks_version) but the install is set up for 2.0.2. ${root} is not a KubeSphere 2.0.2 bundle: missing k8s/cluster.yml.`);
  });

  it('nothing there, a file there, no path at all', () => {
    const gone = gatherBundleFacts(configFor(KS, path.join(tmp, 'nope')), KS);
    expect(gone).toMatchObject({ root: 'missing', entries: [] });
    expect(gone.rootError).toMatch(/^ENOENT/);
    expect(judgeBundle(KS, gone).message).toBe(`No installer bundle at ${path.join(tmp, 'nope')} (bundlePath).`);
    const file = path.join(tmp, 'kubesphere-all-advanced-2.0.2.tar.gz');
    fs.writeFileSync(file, 'not unpacked');
    expect(gatherBundleFacts(configFor(KS, file), KS).root).toBe('wrong-kind');
    const none = gatherBundleFacts(configFor(KS, '  '), KS);
    expect(none.path).toBeUndefined();
    expect(none.noPath).toMatch(/no installer bundle path/);
  });

  it('a relative path is resolved as the runner resolves it (against the working directory)', () => {
    const root = forge('ks-rel', 'ks_version: 2.0.2');
    const rel = path.relative(process.cwd(), root);
    const f = gatherBundleFacts(configFor(KS, rel), KS);
    expect(f).toMatchObject({ configured: rel, path: root, root: 'ok' });
    expect(judgeBundle(KS, f).message).toContain(`relative to the wizard's working directory ${process.cwd()}`);
  });

  it('the repository lab/installer passes as the lab profile default; copied bundles are not checked for writing', () => {
    const f = gatherBundleFacts(configFor(LAB, ''), LAB);
    expect(f.path).toBe(path.resolve(process.cwd(), 'lab/installer'));
    expect(f.entries.filter((e) => e.state !== 'ok')).toEqual([]);
    expect(f.entries.map((e) => e.path)).toContain('scripts/verify.yml');
    expect(f.notWritable).toEqual([]);
    expect(judgeBundle(LAB, f)).toMatchObject({ status: 'pass', message: expect.stringMatching(/^lab stand-in bundle at .*lab\/installer \(the lab profile's default\)/) });
  });

  it('unreadable parts and unwritable config files are reported (permissions as a non-root wizard would meet them)', () => {
    const root = forge('ks-perm', 'ks_version: 2.0.2');
    const deny = (p: string, mode: number) => {
      const refused = (p === path.join(root, 'kubesphere/kubesphere.yml') && mode & fs.constants.R_OK) || (p.startsWith(path.join(root, 'conf')) && mode & fs.constants.W_OK);
      if (refused) throw Object.assign(new Error(`EACCES: permission denied, access '${p}'`), { code: 'EACCES' });
      fs.accessSync(p, mode);
    };
    const f = gatherBundleFacts(configFor(KS, root), KS, deny);
    expect(f.entries.find((e) => e.path === 'kubesphere/kubesphere.yml')?.state).toBe('unreadable');
    expect(f.entries.filter((e) => e.state !== 'ok').map((e) => e.path)).toEqual(['kubesphere/kubesphere.yml']);
    expect(f.notWritable).toEqual(expect.arrayContaining(['conf/hosts.ini', 'conf/vars.yml']));
    expect(f.notWritable).not.toContain('k8s/inventory/my_cluster/hosts.ini');
    expect(judgeBundle(KS, f).status).toBe('fail');
  });
});

describe('findTopLevelKey', () => {
  it('reads only unindented keys; strips quotes and comments', () => {
    expect(findTopLevelKey('a: 1\n  ks_version: 9\nks_version: 2.0.2\n', 'ks_version')).toEqual({ value: '2.0.2', line: 3 });
    expect(findTopLevelKey("ks_version: '2.1.0' # x", 'ks_version')?.value).toBe('2.1.0');
    expect(findTopLevelKey('ks_version:\n', 'ks_version')).toEqual({ value: undefined, line: 1 });
    expect(findTopLevelKey('ks_versions: 1\n', 'ks_version')).toBeUndefined();
    expect(findTopLevelKey('ks_version: "2.0.2"   # upgrade.sh reads this\n', 'ks_version')?.value).toBe('2.0.2');
    expect(findTopLevelKey('ks_version: 2.0.2 # x\n', 'ks_version')?.value).toBe('2.0.2');
    expect(findTopLevelKey('ks_version: # none\n', 'ks_version')?.value).toBeUndefined();
  });
});

describe('gatherAnsibleFacts', () => {
  it("this machine's ansible-playbook and ansible-runner answer (scripts/setup.sh installs them)", async () => {
    const f = await gatherAnsibleFacts();
    expect(f.playbook).toMatchObject({ command: 'ansible-playbook --version', firstLine: expect.stringMatching(/^ansible-playbook /) });
    expect(f.playbook.problem).toBeUndefined();
    expect(f.runner.firstLine).toMatch(/\d+\.\d+/);
    expect(judgeAnsible(LAB, f).status).toBe('pass');
    expect(judgeAnsible(KS, f).status).toMatch(/pass|warn/);
  });

  it('a missing, hanging or failing program is a fact, not an exception', async () => {
    const hang = path.join(tmp, 'hang');
    fs.writeFileSync(hang, '#!/bin/sh\nexec sleep 5\n', { mode: 0o755 });
    const broken = path.join(tmp, 'broken');
    fs.writeFileSync(broken, '#!/bin/sh\necho "No module named ansible_runner" >&2\nexit 3\n', { mode: 0o755 });
    const f = await gatherAnsibleFacts({ commands: { playbook: hang, runner: broken }, timeoutMs: 300 });
    expect(f.playbook).toMatchObject({ problem: 'timeout' });
    expect(f.runner).toMatchObject({ problem: 'failed', detail: 'exit 3: No module named ansible_runner' });
    const gone = await gatherAnsibleFacts({ commands: { playbook: path.join(tmp, 'ansible-playbook'), runner: 'ansible-runner' } });
    expect(gone.playbook.problem).toBe('not-found');
    expect(judgeAnsible(KS, gone).message).toBe(`${path.join(tmp, 'ansible-playbook')} not found: install Debian's ansible-core and python3-ansible-runner (scripts/setup.sh).`);
  });
});
