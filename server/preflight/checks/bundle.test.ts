import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultHost } from '@/lib/config/defaults';
import type { InstallConfig } from '@/lib/config/schema';
import { getProfile, PROFILES, SHIPPED_DIR, shippedPath } from '../../installer-profiles/profiles';
import type { TaskboxLook } from '../gather-taskbox';
import { parseGatherOutput } from '../parse/facts';
import type { BundleVersionFact } from '../parse/taskbox';
import { taskboxBundlePath, type TaskboxBundlePath } from '../taskbox';
import { bundleFacts, entries, looked, taskboxFacts } from '../testing/taskbox-facts';
import { installerBundleCheck, judgeBundle } from './bundle';

const KS = PROFILES['kubesphere-2.0.2'];
const LAB = PROFILES.lab;
const AT: TaskboxBundlePath = { path: '/opt/ks', from: 'bundlePath' };

const version = (value: string | undefined, over: Partial<BundleVersionFact> = {}): BundleVersionFact => ({
  file: 'conf/vars.yml',
  key: 'ks_version',
  shipped: false,
  readFrom: 'conf/vars.yml',
  value,
  line: 57,
  ...over,
});
const on202 = (over: Parameters<typeof bundleFacts>[1] = {}) => looked(taskboxFacts({ bundle: bundleFacts(KS, { version: version('2.0.2'), ...over }) }));

describe('profile data: what a bundle must contain and how the taskbox runs it', () => {
  it('lists every bundle playbook of the stages and no builtin one; the taskbox tools are data', () => {
    for (const p of Object.values(PROFILES)) {
      for (const s of p.stages.filter((x) => x.kind === 'playbook')) {
        if (s.playbook.startsWith('builtin:')) expect(p.layout.files, `${p.id} ${s.name}`).not.toContain(s.playbook);
        else expect(p.layout.files, `${p.id} ${s.name}`).toContain(s.playbook);
      }
      expect(p.layout.dirs).toEqual(['conf', 'k8s', 'kubesphere', 'preinstall', 'scripts']);
      expect(p.taskbox.ansibleProbe).toBe('ansible-playbook');
      expect(getProfile(p.id)).toBe(p);
    }
    expect(KS.layout.files).toEqual(['preinstall/init.yml', 'k8s/cluster.yml', 'kubesphere/kubesphere.yml']);
    expect(KS.version).toEqual({ file: 'conf/vars.yml', key: 'ks_version', expected: '2.0.2' });
    expect(KS.ansible).toMatchObject({ pinned: '2.7.6', pinnedMatch: 'exact' });
    expect(KS.taskbox.bootstrap).toMatchObject({ cwd: 'scripts', argv: ['/bin/bash', 'os/os_check.sh'] });
    expect(LAB.version).toBeUndefined();
    expect(LAB.ansible).toMatchObject({ pinned: '2.7.6', pinnedMatch: 'exact' });
    expect(LAB.taskbox.path[0]).toBe('/opt/ksw-lab-ansible/bin');
    expect(PROFILES['lab-core']).toMatchObject({
      defaultBundlePath: '/opt/ks-lab-installer',
      ansible: { pinned: '2.14', pinnedMatch: 'prefix' },
      taskbox: { bootstrap: null },
    });
    expect(shippedPath('conf/vars.yml')).toBe(`${SHIPPED_DIR}/conf/vars.yml`);
    expect(SHIPPED_DIR).toBe('.ks-wizard-shipped');
  });
});

describe('taskboxBundlePath', () => {
  const config = (profile: InstallConfig['installer']['profile'], bundlePath: string) => {
    const c = defaultConfig();
    c.installer = { ...c.installer, profile, bundlePath };
    return c;
  };
  it('the configured path, else the profile default; a path on the taskbox must be absolute', () => {
    expect(taskboxBundlePath(config('kubesphere-2.0.2', ' /opt/ks/ '), KS)).toEqual({ path: '/opt/ks', from: 'bundlePath' });
    expect(taskboxBundlePath(config('lab-core', ''), PROFILES['lab-core'])).toEqual({ path: '/opt/ks-lab-installer', from: 'default' });
    expect(taskboxBundlePath(config('kubesphere-2.0.2', ''), KS)).toEqual({ problem: 'none', configured: '' });
    expect(taskboxBundlePath(config('kubesphere-2.0.2', 'ks'), KS)).toEqual({ problem: 'relative', configured: 'ks' });
  });
});

describe('judgeBundle', () => {
  it('a complete 2.0.2 bundle passes, naming the taskbox, with its version as evidence', () => {
    const r = judgeBundle(KS, 'master1', AT, on202());
    expect(r).toMatchObject({
      status: 'pass',
      message:
        'KubeSphere 2.0.2 bundle on the taskbox master1 at /opt/ks (bundlePath): 5 folders and 3 playbooks present; conf/vars.yml says ks_version: 2.0.2.',
    });
    expect(r.evidence).toContain('bundle: /opt/ks on master1\nlooked as: root');
    expect(r.evidence).toContain('conf/vars.yml:57 ks_version: 2.0.2');
    expect(r.evidence).toContain('k8s/cluster.yml: ok');
  });

  it('no path (2.0.2 has no default) or a relative one: fail, say where to set it', () => {
    const none = judgeBundle(KS, 'master1', { problem: 'none', configured: '' }, undefined);
    expect(none).toMatchObject({
      status: 'fail',
      message: 'The install has no installer bundle path on the taskbox master1: the kubesphere-2.0.2 profile has no default.',
    });
    expect(none.hint).toMatch(/^Unpack the KubeSphere 2\.0\.2 bundle on master1 and set its absolute path there in the installer settings/);
    const rel = judgeBundle(KS, 'master1', { problem: 'relative', configured: 'ks' }, undefined);
    expect(rel).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^The installer bundle path "ks" is not absolute: the bundle is looked up and run on the taskbox master1/),
    });
  });

  it('nothing at the path: fail naming the taskbox and path, with the fix', () => {
    const r = judgeBundle(KS, 'master1', AT, looked(taskboxFacts({ bundle: bundleFacts(KS, { root: 'missing', entries: [] }) })));
    expect(r).toMatchObject({ status: 'fail', message: 'No installer bundle on the taskbox master1 at /opt/ks (bundlePath).' });
    expect(r.hint).toBe(
      'Unpack the KubeSphere 2.0.2 bundle on master1 at /opt/ks, or set the path where it is unpacked on master1 in the installer settings (wizard step "Network & options", card Installer).',
    );
    const lab = judgeBundle(
      LAB,
      'lab1',
      { path: '/opt/ks-lab-installer', from: 'default' },
      looked(taskboxFacts({ bundle: bundleFacts(LAB, { path: '/opt/ks-lab-installer', root: 'missing', entries: [] }) })),
    );
    expect(lab.message).toBe("No installer bundle on the taskbox lab1 at /opt/ks-lab-installer (the lab profile's default).");
  });

  it('a file instead of a folder, and a folder the looking user cannot read, fail in those words', () => {
    expect(judgeBundle(KS, 'master1', AT, on202({ root: 'wrong-kind', entries: [] })).message).toBe(
      '/opt/ks on the taskbox master1 is a file, not an unpacked bundle folder.',
    );
    const r = judgeBundle(KS, 'master1', AT, looked(taskboxFacts({ user: 'ops', bundle: bundleFacts(KS, { root: 'unreadable', entries: [] }) })));
    expect(r).toMatchObject({ status: 'fail', message: 'ops cannot read the installer bundle on the taskbox master1 at /opt/ks (bundlePath).' });
    expect(r.hint).toMatch(/^On master1: chmod -R a\+rX \/opt\/ks/);
  });

  it('missing playbooks: not a 2.0.2 bundle, naming what is missing; unreadable parts fail too', () => {
    const r = judgeBundle(KS, 'master1', AT, on202({ entries: entries(KS, { 'k8s/cluster.yml': 'missing', 'preinstall/init.yml': 'missing' }) }));
    expect(r).toMatchObject({
      status: 'fail',
      message: '/opt/ks on the taskbox master1 is not a KubeSphere 2.0.2 bundle: missing preinstall/init.yml, k8s/cluster.yml.',
    });
    expect(r.hint).toMatch(/conf\/ k8s\/ kubesphere\/ preinstall\/ scripts\//);
    expect(judgeBundle(KS, 'master1', AT, on202({ entries: entries(KS, { k8s: 'wrong-kind' }) })).message).toMatch(/missing k8s\/\.$/);
    const unreadable = judgeBundle(KS, 'master1', AT, on202({ entries: entries(KS, { 'kubesphere/kubesphere.yml': 'unreadable' }) }));
    expect(unreadable).toMatchObject({ status: 'fail', message: 'root cannot read kubesphere/kubesphere.yml in /opt/ks on the taskbox master1.' });
    const versionUnreadable = judgeBundle(
      KS,
      'master1',
      AT,
      on202({ version: version(undefined, { unreadable: true, shipped: true, readFrom: shippedPath('conf/vars.yml') }) }),
    );
    expect(versionUnreadable.message).toBe(`root cannot read ${SHIPPED_DIR}/conf/vars.yml in /opt/ks on the taskbox master1.`);
  });

  it('another KubeSphere version: fail, naming both versions and the way out', () => {
    const r = judgeBundle(KS, 'master1', AT, on202({ version: version('2.1.0', { line: 60 }) }));
    expect(r).toMatchObject({
      status: 'fail',
      message: 'The bundle on the taskbox master1 at /opt/ks is KubeSphere 2.1.0 (conf/vars.yml ks_version) but the install is set up for 2.0.2.',
      hint: 'Unpack the 2.0.2 bundle on master1, or choose the installer profile that matches 2.1.0.',
    });
    expect(judgeBundle(KS, 'master1', AT, on202({ version: version('v2.0.2') })).status).toBe('pass');
  });

  it('the shipped copy rules: a 2.1.0 bundle whose conf/vars.yml the wizard rewrote is still refused, and a shipped 2.0.2 passes', () => {
    const shipped = (value: string) => version(value, { shipped: true, readFrom: shippedPath('conf/vars.yml'), line: 3 });
    const r = judgeBundle(KS, 'master1', AT, on202({ version: shipped('2.1.0') }));
    expect(r.status).toBe('fail');
    expect(r.message).toBe(
      `The bundle on the taskbox master1 at /opt/ks is KubeSphere 2.1.0 (${SHIPPED_DIR}/conf/vars.yml ks_version, the conf/vars.yml it shipped with) but the install is set up for 2.0.2.`,
    );
    expect(r.evidence).toContain(`${SHIPPED_DIR}/conf/vars.yml:3 ks_version: 2.1.0 (the shipped conf/vars.yml, kept before the wizard wrote its own)`);
    expect(judgeBundle(KS, 'master1', AT, on202({ version: shipped('2.0.2') }))).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(/says ks_version: 2\.0\.2 \(as shipped\)\.$/),
    });
  });

  it('both a wrong version and a missing playbook are reported together', () => {
    const r = judgeBundle(KS, 'master1', AT, on202({ version: version('2.1.0'), entries: entries(KS, { 'k8s/cluster.yml': 'missing' }) }));
    expect(r.message).toBe(
      'The bundle on the taskbox master1 at /opt/ks is KubeSphere 2.1.0 (conf/vars.yml ks_version) but the install is set up for 2.0.2. /opt/ks on the taskbox master1 is not a KubeSphere 2.0.2 bundle: missing k8s/cluster.yml.',
    );
  });

  it('no version key: warn (cannot tell); the version file missing counts as missing', () => {
    const r = judgeBundle(KS, 'master1', AT, on202({ version: version(undefined, { line: undefined }) }));
    expect(r).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/conf\/vars\.yml has no ks_version \(the 2\.0\.2 bundle ships "ks_version: 2\.0\.2"\)/),
    });
    const gone = judgeBundle(
      KS,
      'master1',
      AT,
      on202({ version: version(undefined, { line: undefined }), entries: entries(KS, { 'conf/vars.yml': 'missing' }) }),
    );
    expect(gone).toMatchObject({ status: 'fail', message: '/opt/ks on the taskbox master1 is not a KubeSphere 2.0.2 bundle: missing conf/vars.yml.' });
  });

  it('a look that failed or stopped early fails with the system words', () => {
    expect(judgeBundle(KS, 'master1', AT, { ok: false, error: 'the SSH connection to master1 was lost' })).toMatchObject({
      status: 'fail',
      message: 'Could not look at the installer bundle on the taskbox master1 at /opt/ks: the SSH connection to master1 was lost.',
    });
    expect(judgeBundle(KS, 'master1', AT, looked(taskboxFacts({ complete: false }))).message).toMatch(/the look stopped before it reached the bundle/);
  });

  it('the lab stand-in: no version to compare, passes when complete', () => {
    const r = judgeBundle(LAB, 'lab1', AT, looked(taskboxFacts({ bundle: bundleFacts(LAB) })));
    expect(r).toMatchObject({ status: 'pass', message: 'lab stand-in bundle on the taskbox lab1 at /opt/ks (bundlePath): 5 folders and 4 playbooks present.' });
  });
});

describe('installerBundleCheck (the taskbox row)', () => {
  const config = (auth: 'none' | 'password') => {
    const c = defaultConfig();
    c.installer = { ...c.installer, profile: 'kubesphere-2.0.2', bundlePath: '/opt/ks' };
    c.hosts = [
      defaultHost({
        name: 'master1',
        taskbox: true,
        auth: auth === 'none' ? { kind: 'password', password: { set: false } } : { kind: 'password', password: { set: true, value: 'x' } },
      }),
      defaultHost({ name: 'node1', address: '10.0.0.2', ip: '10.0.0.2' }),
    ];
    return c;
  };
  const run = (c: InstallConfig, name: string, look: TaskboxLook | undefined) => {
    const host = c.hosts.find((h) => h.name === name);
    if (!host) throw new Error(name);
    return installerBundleCheck.run({ host, config: c, facts: parseGatherOutput('', true), minimums: 'enforce' as const, taskbox: look });
  };

  it('only the taskbox is judged; a taskbox without a login fails saying the wizard needs one', () => {
    expect(run(config('password'), 'master1', on202())?.status).toBe('pass');
    expect(run(config('password'), 'node1', on202())).toBeUndefined();
    const none = run(config('none'), 'master1', undefined);
    expect(none).toMatchObject({
      status: 'fail',
      message: 'The wizard has no SSH login to the taskbox master1: the installer bundle is checked and run there over SSH, so it needs one.',
    });
    expect(none?.hint).toMatch(/Hosts step/);
  });
});
