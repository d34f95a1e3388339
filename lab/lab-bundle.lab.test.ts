// The lab bundle run the way the wizard runs an install on the taskbox: on the first leased lab host,
// from its /opt/ks-lab-installer/scripts (as install.sh does), with the taskbox as
// ansible_connection=local and the other hosts over SSH as the lab user (password, sudo password,
// host keys checked against the lab's known_hosts). Once with the bundle's own Ansible 2.7.6 on
// Python 2.7 (installed by its bootstrap, scripts/os/os_check.sh) and once with ansible-core 2.14.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withHost } from '../server/ssh';
import type { ExecResult } from '../server/ssh';
import { useLab } from './fixture';
import { ANSIBLE_TARBALL_NAME, HOST_BUNDLE_DIR } from './host-bundle';
import { sharedUpstreamDir } from './paths';
import { hostFsPath } from './private-fs';

const lab = useLab(3);
const token = randomBytes(6).toString('hex');
const hasTarball = existsSync(path.join(sharedUpstreamDir, ANSIBLE_TARBALL_NAME));
const needsTarball = hasTarball ? '' : ` (SKIPPED: ${path.join(sharedUpstreamDir, ANSIBLE_TARBALL_NAME)} is absent)`;

const SCRIPTS = `${HOST_BUNDLE_DIR}/scripts`;
const INVENTORY = `${HOST_BUNDLE_DIR}/k8s/inventory/my_cluster/hosts.ini`;
const PLAYBOOKS = ['../preinstall/init.yml', '../k8s/cluster.yml', '../kubesphere/kubesphere.yml', 'verify.yml'];
/** The day-2 stand-ins (add-nodes.sh, remove-node, uninstall.sh): run by server/operations' lab tests. */
const DAY2_PLAYBOOKS = ['../k8s/scale.yml', '../kubesphere/scale.yml', '../k8s/remove-node.yml', '../k8s/reset.yml'];
const ANSIBLES = [
  { name: 'Ansible 2.7.6 (bootstrap)', bin: '/opt/ksw-lab-ansible/bin/ansible-playbook', needsTarball: true },
  { name: 'ansible-core', bin: '/usr/bin/ansible-playbook', needsTarball: false },
];
const installIds: string[] = [];

function onTaskbox(script: string, args: string[] = [], stdin?: string, timeoutMs = 120_000): Promise<ExecResult> {
  return withHost(lab.target(0, 'root-key'), (s) => s.exec(['sh', '-c', script, 'sh', ...args], { stdin, timeoutMs }));
}

const tail = (r: ExecResult) => `exit ${r.exitCode}\n${`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-25).join('\n')}`;

/** The inventory the wizard writes: taskbox local, the rest over SSH as the lab user. */
function inventory(): string {
  const { user, password, knownHosts } = lab.state;
  const names = lab.hosts.map((h) => h.name);
  const lines = lab.hosts.map((h, i) =>
    i === 0
      ? `${h.name} ansible_connection=local ansible_host=${h.address} ip=${h.address}`
      : `${h.name} ansible_host=${h.address} ip=${h.address} ansible_user=${user} ansible_ssh_pass=${password} ansible_become_pass=${password}`,
  );
  return [
    '[all]',
    ...lines,
    '',
    '[all:vars]',
    `ansible_ssh_common_args='-o UserKnownHostsFile=${knownHosts} -o StrictHostKeyChecking=yes'`,
    '',
    '[kube-master]',
    ...names,
    '',
    '[kube-node]',
    ...names,
    '',
    '[etcd]',
    ...names,
    '',
    '[k8s-cluster:children]',
    'kube-node',
    'kube-master',
    '',
  ].join('\n');
}

beforeAll(async () => {
  const r = await onTaskbox('umask 077 && cat > "$1"', [INVENTORY], inventory());
  expect(r.exitCode, tail(r)).toBe(0);
});

afterAll(async () => {
  if (!lab.hosts.length) return;
  for (const h of lab.hosts) {
    for (const id of installIds) {
      const dir = hostFsPath(h.name, `/tmp/ksw-lab-state/${id}`);
      const pidFile = path.join(dir, h.name, 'apiserver.pid');
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
      if (pid > 1)
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          /* gone */
        }
      rmSync(dir, { recursive: true, force: true });
    }
  }
  rmSync(hostFsPath(lab.host(0).name, INVENTORY), { force: true });
});

describe('the bootstrap (scripts/os/os_check.sh)', () => {
  it('fails with a clear message when the Ansible tarball is missing', async () => {
    const r = await onTaskbox(
      'd=/tmp/ksw-oscheck-$1 && cp -r "$2" "$d" && rm -f "$d/os/ansible-2.7.6-py27.tar.gz" && cd "$d" && ./os/os_check.sh; rc=$?; rm -rf "$d"; exit $rc',
      [token, SCRIPTS],
    );
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/the pinned Ansible is missing: .*ansible-2\.7\.6-py27\.tar\.gz does not exist/);
  });

  it('fails with a clear message when it cannot write /opt (not root)', async () => {
    const r = await withHost(lab.target(1, 'user-password'), (s) => s.exec(['sh', '-c', 'cd "$1" && ./os/os_check.sh', 'sh', SCRIPTS]));
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/cannot write \/opt: run it as root/);
  });

  it.skipIf(!hasTarball)(`installs Ansible 2.7.6 on Python 2.7 into /opt/ksw-lab-ansible, idempotently${needsTarball}`, async () => {
    const first = await onTaskbox('rm -rf /opt/ksw-lab-ansible && cd "$1" && ./os/os_check.sh', [SCRIPTS]);
    expect(first.exitCode, tail(first)).toBe(0);
    expect(first.stdout).toMatch(/installed Ansible 2\.7\.6 in \/opt\/ksw-lab-ansible \(Python \/\S+python2\.7\)/);
    const again = await onTaskbox('cd "$1" && ./os/os_check.sh', [SCRIPTS]);
    expect(again.stdout).toMatch(/already installed/);
    const version = await onTaskbox('/opt/ksw-lab-ansible/bin/ansible-playbook --version');
    expect(version.stdout.split('\n')[0]).toBe('ansible-playbook 2.7.6');
    expect(version.stdout).toMatch(/python version = 2\.7\.\d+/);
    expect(existsSync('/opt/ksw-lab-ansible')).toBe(false); // on the taskbox only
  });
});

describe.each(ANSIBLES)('the lab playbooks under $name', (ansible) => {
  const skip = ansible.needsTarball && !hasTarball;
  const note = ansible.needsTarball ? needsTarball : '';

  it.skipIf(skip)(`pass --syntax-check${note}`, async () => {
    for (const playbook of [...PLAYBOOKS, ...DAY2_PLAYBOOKS]) {
      const r = await onTaskbox('cd "$1" && "$2" -i ../k8s/inventory/my_cluster/hosts.ini --syntax-check "$3"', [SCRIPTS, ansible.bin, playbook]);
      expect(r.exitCode, `${playbook}: ${tail(r)}`).toBe(0);
    }
  });

  it.skipIf(skip)(
    `install on 3 hosts from the taskbox, each host keeping its state privately${note}`,
    async () => {
      const id = `bundle-${token}-${installIds.length}`;
      installIds.push(id);
      for (const playbook of PLAYBOOKS) {
        const r = await onTaskbox('cd "$1" && "$2" -i ../k8s/inventory/my_cluster/hosts.ini "$3" -b -e "ksw_install_id=$4" -e "ksw_run_id=$4-run"', [
          SCRIPTS,
          ansible.bin,
          playbook,
          id,
        ]);
        expect(r.exitCode, `${playbook}: ${tail(r)}`).toBe(0);
      }
      for (const h of lab.hosts) {
        const dir = hostFsPath(h.name, `/tmp/ksw-lab-state/${id}/${h.name}`);
        for (const f of ['environment', 'hosts', 'etcd.env', 'cni.conf', 'kubelet.joined', 'kubesphere.node', 'apiserver.crt'])
          expect(existsSync(path.join(dir, f)), `${h.name}: ${f}`).toBe(true);
        expect(readFileSync(path.join(dir, 'environment'), 'utf8')).toContain(`hostname=${h.name}\n`);
      }
      expect(existsSync(hostFsPath(lab.host(0).name, `/tmp/ksw-lab-state/${id}/${lab.host(0).name}/kubesphere_running`))).toBe(true);
      const nodeList = hostFsPath(lab.host(0).name, `/tmp/ksw-lab-state/${id}/_cluster/nodes`);
      expect(readdirSync(nodeList).sort()).toEqual(lab.hosts.map((h) => h.name).sort());
      expect(existsSync(`/tmp/ksw-lab-state/${id}`)).toBe(false);
    },
    240_000,
  );
});
