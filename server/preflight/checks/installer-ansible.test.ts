import { describe, expect, it } from 'vitest';
import { PROFILES, type InstallerProfile } from '../../installer-profiles/profiles';
import type { PythonFact, TaskboxFacts } from '../parse/taskbox';
import { ansibleFact, bundleFacts, taskboxFacts } from '../testing/taskbox-facts';
import { judgeInstallerAnsible, pinnedMatches } from './installer-ansible';

const KS = PROFILES['kubesphere-2.0.2'];
const LAB = PROFILES.lab;
const CORE = PROFILES['lab-core'];

const PY27: PythonFact = { command: 'python2.7', path: '/usr/bin/python2.7', version: 'Python 2.7.18' };
const NO_PY = (p: InstallerProfile): PythonFact[] => p.taskbox.bootstrapPython.map((command) => ({ command }));

function facts(profile: InstallerProfile, firstLine: string | undefined, over: Partial<TaskboxFacts> = {}, path?: string): TaskboxFacts {
  return taskboxFacts({
    bundle: bundleFacts(profile, { bootstrapScript: profile.taskbox.bootstrap ? 'ok' : undefined }),
    ansible: ansibleFact(firstLine, path),
    python: [PY27],
    ...over,
  });
}

describe('pinnedMatches', () => {
  it('exact pins need the very version; prefix pins take any release of it', () => {
    const exact = { pinned: '2.7.6', pinnedMatch: 'exact' as const, note: '' };
    expect(pinnedMatches(exact, '2.7.6')).toBe(true);
    expect(pinnedMatches(exact, 'v2.7.6')).toBe(true);
    expect(pinnedMatches(exact, '2.7.12')).toBe(false);
    expect(pinnedMatches(exact, '2.7.60')).toBe(false);
    const prefix = { pinned: '2.14', pinnedMatch: 'prefix' as const, note: '' };
    expect(pinnedMatches(prefix, '2.14.18')).toBe(true);
    expect(pinnedMatches(prefix, '2.14')).toBe(true);
    expect(pinnedMatches(prefix, '2.141.0')).toBe(false);
    expect(pinnedMatches(prefix, '2.15.0')).toBe(false);
  });
});

describe('judgeInstallerAnsible', () => {
  it('the pinned Ansible already installed: pass, the bootstrap will be skipped', () => {
    const r = judgeInstallerAnsible(KS, 'master1', facts(KS, 'ansible-playbook 2.7.6'));
    expect(r).toMatchObject({
      status: 'pass',
      message:
        "On the taskbox master1, /usr/local/bin/ansible-playbook is ansible 2.7.6 on Python 2.7.18: the ansible 2.7.6 the KubeSphere 2.0.2 bundle is run with; the Prepare stage will skip the bundle's bootstrap.",
    });
    expect(r?.evidence).toContain('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(r?.evidence).toContain('$ /usr/local/bin/ansible-playbook --version (exit 0)\nansible-playbook 2.7.6');
  });

  it('lab-core: any 2.14 release passes (prefix pin), with no bootstrap to skip', () => {
    const r = judgeInstallerAnsible(CORE, 'lab1', facts(CORE, 'ansible-playbook [core 2.14.18]', {}, '/usr/bin/ansible-playbook'));
    expect(r).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(
        /\/usr\/bin\/ansible-playbook is ansible 2\.14\.18 .*the ansible 2\.14\.x the lab stand-in bundle is run with; nothing needs installing\.$/,
      ),
    });
  });

  it('another version with the bootstrap able to run: warn, naming what the bootstrap needs', () => {
    const r = judgeInstallerAnsible(KS, 'master1', facts(KS, 'ansible-playbook [core 2.14.18]', {}, '/usr/bin/ansible-playbook'));
    expect(r?.status).toBe('warn');
    expect(r?.message).toBe(
      "On the taskbox master1, /usr/bin/ansible-playbook is ansible 2.14.18 on Python 2.7.18, not the ansible 2.7.6 the KubeSphere 2.0.2 bundle is run with: the Prepare stage will run the bundle's bootstrap (/bin/bash os/os_check.sh in scripts/) to install ansible 2.7.6, with /usr/bin/python2.7 (Python 2.7.18).",
    );
    expect(r?.hint).toMatch(/^The bootstrap needs root, the OS package manager \(apt-get or yum\) with its package mirrors, and access to PyPI/);
    expect(r?.hint).toMatch(/Kubespray v2\.9 playbooks were written for ansible 2\.7\.x/);
  });

  it('no Ansible at all: warn; the Python the 2.0.2 bootstrap needs is missing but it installs one itself', () => {
    const r = judgeInstallerAnsible(KS, 'master1', facts(KS, undefined, { python: NO_PY(KS) }));
    expect(r?.status).toBe('warn');
    expect(r?.message).toMatch(
      /^On the taskbox master1, no ansible-playbook on the taskbox PATH \(\/usr\/local\/sbin:.*\/bin\): the Prepare stage will run the bundle's bootstrap/,
    );
    expect(r?.message).toMatch(
      /None of python2\.7, python2, python exists there yet: it installs Python 2 itself \(apt-get install python-minimal, or yum install python\)/,
    );
    expect(r?.evidence).toContain('ansible-playbook: not found');
    expect(r?.evidence).toContain('python2: missing');
  });

  it('the lab bootstrap cannot proceed without Python 2.7: fail when neither it nor the pinned Ansible exists', () => {
    const r = judgeInstallerAnsible(LAB, 'lab1', facts(LAB, undefined, { python: NO_PY(LAB) }));
    expect(r?.status).toBe('fail');
    expect(r?.message).toBe(
      "On the taskbox lab1, no ansible-playbook on the taskbox PATH (/opt/ksw-lab-ansible/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin); the Prepare stage would run the bundle's bootstrap (/bin/sh os/os_check.sh in scripts/) to install it, but it needs a Python and none of python2.7, /root/.pyenv/versions/2.7.18/bin/python2.7 exists there.",
    );
    expect(r?.hint).toMatch(/the bootstrap needs root and Python 2\.7/);
    expect(judgeInstallerAnsible(LAB, 'lab1', facts(LAB, undefined))?.status).toBe('warn');
  });

  it('no bootstrap (lab-core) and no matching Ansible: fail', () => {
    const r = judgeInstallerAnsible(CORE, 'lab1', facts(CORE, 'ansible-playbook 2.7.6', { python: [] }, '/usr/bin/ansible-playbook'));
    expect(r).toMatchObject({
      status: 'fail',
      message:
        'On the taskbox lab1, /usr/bin/ansible-playbook is ansible 2.7.6 on Python 2.7.18, not the ansible 2.14.x the lab stand-in bundle is run with, and the lab-core profile has no bootstrap that installs it.',
    });
    expect(r?.hint).toMatch(
      /Install ansible 2\.14\.x on lab1 so that ansible-playbook is found first on \/usr\/local\/sbin:\/usr\/local\/bin:\/usr\/sbin:\/usr\/bin:\/sbin:\/bin/,
    );
  });

  it('the bootstrap script missing from the bundle: fail (nothing would install Ansible)', () => {
    const f = facts(KS, undefined);
    f.bundle = bundleFacts(KS, { bootstrapScript: 'missing' });
    const r = judgeInstallerAnsible(KS, 'master1', f);
    expect(r).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/which would install it, is missing in the bundle \(scripts\/os\/os_check\.sh\)\.$/),
    });
  });

  it('an Ansible that fails or hangs on --version counts as not installed', () => {
    const broken = facts(KS, undefined);
    broken.ansible = {
      command: 'ansible-playbook',
      path: '/usr/local/bin/ansible-playbook',
      exitCode: 1,
      output: 'Traceback (most recent call last):\nImportError: cannot import name Sequence',
    };
    expect(judgeInstallerAnsible(KS, 'master1', broken)).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(
        /^On the taskbox master1, \/usr\/local\/bin\/ansible-playbook --version fails \(exit 1: ImportError: cannot import name Sequence\): the Prepare stage will run/,
      ),
    });
    const hung = facts(CORE, undefined);
    hung.ansible = { command: 'ansible-playbook', path: '/usr/bin/ansible-playbook', exitCode: 124, output: '' };
    expect(judgeInstallerAnsible(CORE, 'lab1', hung)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/--version did not answer within 20 s, and the lab-core profile has no bootstrap/),
    });
  });

  it('nothing to judge when the Ansible was not asked for', () => {
    expect(judgeInstallerAnsible(KS, 'master1', taskboxFacts())).toBeUndefined();
  });
});
