import { describe, expect, it } from 'vitest';
import { PROFILES, type InstallerProfile } from '../../runner/profiles';
import type { BundleEntry } from '../bundle-facts';
import { ansibleFacts, bundleFacts } from '../testing/local-facts';
import { judgeAnsible, judgeBundle, parseAnsibleVersion } from './bundle';

const KS = PROFILES['kubesphere-2.0.2'];
const LAB = PROFILES.lab;

/** Every entry the profile asks for, all present, with the given states overriding. */
function entries(profile: InstallerProfile, states: Record<string, BundleEntry['state']> = {}): BundleEntry[] {
  const all: Omit<BundleEntry, 'state'>[] = [
    ...profile.layout.dirs.map((p) => ({ path: p, kind: 'dir' as const })),
    ...profile.layout.files.map((p) => ({ path: p, kind: 'file' as const })),
    ...(profile.version ? [{ path: profile.version.file, kind: 'file' as const }] : []),
  ];
  return all.map((e) => ({ ...e, state: states[e.path] ?? 'ok' }));
}

const good202 = (over: Parameters<typeof bundleFacts>[0] = {}) =>
  bundleFacts({ entries: entries(KS), version: { file: 'conf/vars.yml', key: 'ks_version', value: '2.0.2', line: 57 }, ...over });

describe('profile data: what a bundle must contain', () => {
  it('lists every bundle playbook of the stages and no builtin one; only the real bundle pins a version and an Ansible', () => {
    for (const p of Object.values(PROFILES)) {
      for (const s of p.stages.filter((x) => x.kind === 'playbook')) {
        if (s.playbook.startsWith('builtin:')) expect(p.layout.files, `${p.id} ${s.name}`).not.toContain(s.playbook);
        else expect(p.layout.files, `${p.id} ${s.name}`).toContain(s.playbook);
      }
      expect(p.layout.dirs).toEqual(['conf', 'k8s', 'kubesphere', 'preinstall', 'scripts']);
    }
    expect(KS.layout.files).toEqual(['preinstall/init.yml', 'k8s/cluster.yml', 'kubesphere/kubesphere.yml']);
    expect(KS.version).toEqual({ file: 'conf/vars.yml', key: 'ks_version', expected: '2.0.2' });
    expect(KS.ansible?.pinned).toBe('2.7.6');
    expect(LAB.layout.files).toContain('scripts/verify.yml');
    expect(LAB.version).toBeUndefined();
    expect(LAB.ansible).toBeUndefined();
  });
});

describe('judgeBundle', () => {
  it('a complete 2.0.2 bundle passes, with its version as evidence', () => {
    const r = judgeBundle(KS, good202());
    expect(r.status).toBe('pass');
    expect(r.message).toBe('KubeSphere 2.0.2 bundle at /opt/ks (bundlePath): 5 folders and 3 playbooks present; conf/vars.yml says ks_version: 2.0.2.');
    expect(r.evidence).toContain('conf/vars.yml:57 ks_version: 2.0.2');
    expect(r.evidence).toContain('k8s/cluster.yml: ok');
  });

  it('no path set (2.0.2 has no default): fail, say where to set it', () => {
    const r = judgeBundle(KS, bundleFacts({ configured: '', path: undefined, root: undefined, noPath: 'the install has no installer bundle path: set it in the installer settings' }));
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/^The install has no installer bundle path \(bundlePath\)/);
    expect(r.hint).toMatch(/Unpack the KubeSphere 2\.0\.2 bundle on the wizard's machine and set its path in the installer settings/);
  });

  it('nothing at the path: fail with where it looked and how to get the bundle', () => {
    const r = judgeBundle(KS, bundleFacts({ root: 'missing', rootError: "ENOENT: no such file or directory, stat '/opt/ks'" }));
    expect(r).toMatchObject({ status: 'fail', message: 'No installer bundle at /opt/ks (bundlePath).' });
    expect(r.hint).toMatch(/^Unpack kubesphere-all-advanced-2\.0\.2\.tar\.gz there or set the path in the installer settings/);
    expect(r.evidence).toContain('ENOENT');
  });

  it('says how a relative path was resolved, and when the path is the profile default', () => {
    const rel = judgeBundle(KS, bundleFacts({ configured: 'ks', path: '/srv/ks-wizard/ks', root: 'missing' }));
    expect(rel.message).toBe(`No installer bundle at /srv/ks-wizard/ks (bundlePath "ks", relative to the wizard's working directory /srv/ks-wizard).`);
    expect(judgeBundle(KS, bundleFacts({ configured: '/opt/ks/', path: '/opt/ks', root: 'missing' })).message).toBe('No installer bundle at /opt/ks (bundlePath).');
    const lab = judgeBundle(LAB, bundleFacts({ configured: '', path: '/srv/ks-wizard/lab/installer', root: 'missing' }));
    expect(lab.message).toBe("No installer bundle at /srv/ks-wizard/lab/installer (the lab profile's default).");
    expect(lab.hint).toMatch(/git checkout -- lab\/installer/);
  });

  it('a file instead of a folder, and a folder the wizard user cannot read, fail in those words', () => {
    expect(judgeBundle(KS, bundleFacts({ root: 'wrong-kind' })).message).toBe('/opt/ks (bundlePath) is a file, not an unpacked bundle folder.');
    const r = judgeBundle(KS, bundleFacts({ root: 'unreadable', rootError: 'EACCES: permission denied' }));
    expect(r).toMatchObject({ status: 'fail', message: "The wizard's user ksw (uid 998) cannot read the installer bundle at /opt/ks (bundlePath)." });
    expect(r.hint).toMatch(/chmod -R a\+rX \/opt\/ks/);
  });

  it('missing playbooks: not a 2.0.2 bundle, naming what is missing', () => {
    const r = judgeBundle(KS, good202({ entries: entries(KS, { 'k8s/cluster.yml': 'missing', 'preinstall/init.yml': 'missing' }) }));
    expect(r.status).toBe('fail');
    expect(r.message).toBe('/opt/ks is not a KubeSphere 2.0.2 bundle: missing preinstall/init.yml, k8s/cluster.yml.');
    expect(r.hint).toMatch(/conf\/ k8s\/ kubesphere\/ preinstall\/ scripts\//);
    const folder = judgeBundle(KS, good202({ entries: entries(KS, { k8s: 'wrong-kind' }) }));
    expect(folder.message).toMatch(/missing k8s\/\.$/);
  });

  it('another KubeSphere version: fail, naming both versions and the way out', () => {
    const r = judgeBundle(KS, good202({ version: { file: 'conf/vars.yml', key: 'ks_version', value: '2.1.0', line: 60 } }));
    expect(r.status).toBe('fail');
    expect(r.message).toBe('The bundle at /opt/ks is KubeSphere 2.1.0 (conf/vars.yml ks_version) but the install is set up for 2.0.2.');
    expect(r.hint).toBe('Use the 2.0.2 bundle, or the installer profile that matches 2.1.0.');
    expect(judgeBundle(KS, good202({ version: { file: 'conf/vars.yml', key: 'ks_version', value: 'v2.0.2' } })).status).toBe('pass');
  });

  it('no version key: warn (cannot tell); the version file missing counts as missing', () => {
    const r = judgeBundle(KS, good202({ version: { file: 'conf/vars.yml', key: 'ks_version' } }));
    expect(r.status).toBe('warn');
    expect(r.message).toMatch(/conf\/vars\.yml has no ks_version/);
    const gone = judgeBundle(KS, good202({ version: undefined, entries: entries(KS, { 'conf/vars.yml': 'missing' }) }));
    expect(gone).toMatchObject({ status: 'fail', message: '/opt/ks is not a KubeSphere 2.0.2 bundle: missing conf/vars.yml.' });
  });

  it('parts the wizard user cannot read, or config files it cannot write in an in-place bundle, fail', () => {
    const r = judgeBundle(KS, good202({ entries: entries(KS, { 'kubesphere/kubesphere.yml': 'unreadable' }) }));
    expect(r).toMatchObject({ status: 'fail', message: "The wizard's user ksw (uid 998) cannot read kubesphere/kubesphere.yml in /opt/ks." });
    const w = judgeBundle(KS, good202({ notWritable: ['conf/hosts.ini', 'conf/vars.yml'] }));
    expect(w.status).toBe('fail');
    expect(w.message).toMatch(/cannot write conf\/hosts\.ini, conf\/vars\.yml in \/opt\/ks: the install writes its configuration into this bundle in place/);
    expect(w.hint).toMatch(/chown -R ksw \/opt\/ks\/conf/);
  });

  it('the lab stand-in: no version to compare, passes when complete', () => {
    const r = judgeBundle(LAB, bundleFacts({ configured: '', path: '/srv/ks-wizard/lab/installer', entries: entries(LAB) }));
    expect(r).toMatchObject({ status: 'pass', message: "lab stand-in bundle at /srv/ks-wizard/lab/installer (the lab profile's default): 5 folders and 4 playbooks present." });
  });
});

describe('parseAnsibleVersion', () => {
  it('reads ansible-core and old ansible first lines', () => {
    expect(parseAnsibleVersion('ansible-playbook [core 2.14.18]')).toEqual({ version: '2.14.18', major: 2, minor: 14, core: true });
    expect(parseAnsibleVersion('ansible-playbook 2.7.6')).toEqual({ version: '2.7.6', major: 2, minor: 7, core: false });
    expect(parseAnsibleVersion('ansible-playbook [core 2.16.0rc1]')).toMatchObject({ major: 2, minor: 16, core: true });
    expect(parseAnsibleVersion('2.7.6')).toMatchObject({ major: 2, minor: 7 });
    expect(parseAnsibleVersion('ansible-playbook (unknown)')).toBeUndefined();
  });
});

describe('judgeAnsible', () => {
  it('2.0.2 bundle with ansible-core 2.14: warn with the evidence and what it means', () => {
    const r = judgeAnsible(KS, ansibleFacts());
    expect(r.status).toBe('warn');
    expect(r.message).toBe('The runner will use ansible-core 2.14.18 ("ansible-playbook [core 2.14.18]"), but the KubeSphere 2.0.2 bundle was written for ansible 2.7.6.');
    expect(r.hint).toMatch(/Kubespray v2\.9 playbooks were written for ansible 2\.7\.x/);
    expect(r.hint).toMatch(/acknowledge this warning/);
    expect(r.evidence).toContain('$ ansible-playbook --version\nansible-playbook [core 2.14.18]\nexecutable location = /usr/bin/ansible-playbook');
    expect(r.evidence).toContain('$ ansible-runner --version\n2.3.1');
  });

  it('the same major.minor passes; another minor warns', () => {
    expect(judgeAnsible(KS, ansibleFacts('ansible-playbook 2.7.6')).status).toBe('pass');
    expect(judgeAnsible(KS, ansibleFacts('ansible-playbook 2.7.18')).message).toBe('ansible-playbook 2.7.18 matches the ansible 2.7.x the KubeSphere 2.0.2 bundle was written for; ansible-runner 2.3.1.');
    expect(judgeAnsible(KS, ansibleFacts('ansible-playbook 2.8.0')).status).toBe('warn');
    expect(judgeAnsible(KS, ansibleFacts('ansible-playbook (unknown)'))).toMatchObject({ status: 'warn', message: expect.stringMatching(/^Could not read Ansible's version/) });
  });

  it('lab pins nothing: pass with the versions', () => {
    const r = judgeAnsible(LAB, ansibleFacts());
    expect(r).toMatchObject({ status: 'pass', message: "ansible-playbook [core 2.14.18] and ansible-runner 2.3.1 on the wizard's machine; the lab profile pins no Ansible version." });
  });

  it('ansible-playbook or ansible-runner missing, hanging or failing: fail, for every profile', () => {
    const missing = ansibleFacts();
    missing.playbook = { command: 'ansible-playbook --version', problem: 'not-found', detail: 'ansible-playbook: not found on PATH' };
    for (const p of [KS, LAB]) {
      const r = judgeAnsible(p, missing);
      expect(r.status).toBe('fail');
      expect(r.message).toBe("ansible-playbook not found: install Debian's ansible-core and python3-ansible-runner (scripts/setup.sh).");
      expect(r.evidence).toContain('PATH=/usr/local/bin:/usr/bin:/bin');
    }
    const noRunner = ansibleFacts();
    noRunner.runner = { command: 'ansible-runner --version', problem: 'not-found' };
    expect(judgeAnsible(LAB, noRunner).message).toMatch(/^ansible-runner not found: install Debian's/);
    const hung = ansibleFacts();
    hung.playbook = { command: 'ansible-playbook --version', problem: 'timeout' };
    expect(judgeAnsible(LAB, hung)).toMatchObject({ status: 'fail', message: 'ansible-playbook --version did not answer within 10 s: the runner cannot start the install stages with it.' });
    const broken = ansibleFacts();
    broken.runner = { command: 'ansible-runner --version', problem: 'failed', detail: 'exit 1: ModuleNotFoundError: No module named ansible_runner' };
    expect(judgeAnsible(LAB, broken).message).toMatch(/ansible-runner --version failed \(exit 1: ModuleNotFoundError/);
  });
});
