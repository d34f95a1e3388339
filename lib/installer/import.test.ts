import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/defaults';
import { seedConfig } from '../config/fixtures';
import { assertValid } from '../config/validate';
import { renderVarsYml } from './vars-yml';
import { importInstallerFiles, type ImportProblem } from './import';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const VARS = renderVarsYml(assertValid(seedConfig()), { secrets: 'placeholder' });
const ROOT = fixture('root-example.hosts.ini');
const only = (problems: ImportProblem[], file: ImportProblem['file'], severity: ImportProblem['severity']) =>
  problems.filter((p) => p.file === file && p.severity === severity);

describe('importInstallerFiles: hosts.ini', () => {
  it('reads the root example (§1.3)', () => {
    const { config, problems } = importInstallerFiles({ hostsIni: ROOT, varsYml: '' });
    expect(config.hosts.map((h) => [h.name, h.taskbox, h.address, h.ip, h.user, h.roles])).toEqual([
      ['master', true, '192.168.0.1', '192.168.0.1', 'root', { master: true, worker: false, etcd: true }],
      ['node1', false, '192.168.0.2', '192.168.0.2', 'root', { master: false, worker: true, etcd: false }],
      ['node2', false, '192.168.0.3', '192.168.0.3', 'root', { master: false, worker: true, etcd: false }],
    ]);
    // the taskbox line holds no login, but the wizard logs in to it: address = ip, port 22, a password to enter
    expect(config.hosts[0]?.port).toBe(22);
    expect(config.hosts[0]?.auth).toEqual({ kind: 'password', password: { set: false } });
    expect(config.hosts[1]?.auth).toEqual({ kind: 'password', password: { set: false } });
    expect(config.installer.machine).toEqual({ kind: 'taskbox' });
    expect(only(problems, 'hosts.ini', 'error')).toEqual([]);
    expect(only(problems, 'hosts.ini', 'warning').map((p) => p.line)).toEqual([2, 3, 4]);
    expect(problems[0]?.message).toMatch(/master is the taskbox: enter the SSH login the wizard uses/);
    expect(problems[1]?.message).toMatch(/placeholder/);
  });

  it('reads the non-root example (§1.4)', () => {
    const { config, problems } = importInstallerFiles({ hostsIni: fixture('nonroot-example.hosts.ini'), varsYml: '' });
    expect(config.hosts.map((h) => [h.name, h.user, h.taskbox, h.becomePassword.set])).toEqual([
      ['master', 'ubuntu', true, false],
      ['node1', 'ubuntu', false, false],
      ['node2', 'ubuntu', false, false],
    ]);
    expect(config.hosts[0]?.auth).toEqual({ kind: 'password', password: { set: false } });
    expect(only(problems, 'hosts.ini', 'error')).toEqual([]);
    expect(only(problems, 'hosts.ini', 'warning').map((p) => p.line)).toEqual([2, 2, 3, 4]);
  });

  it('turns real passwords into set secrets; the SSH password of a non-root host defaults to the sudo one', () => {
    const ini =
      "[all]\nm ansible_connection=local ip=10.0.0.1\nn ansible_host=n.example.com ip=10.0.0.2 ansible_user=ops ansible_become_pass='p#1'\n[kube-master]\nm\n[kube-node]\nn\n[etcd]\nm\n[k8s-cluster:children]\nkube-node\nkube-master\n";
    const { config, problems } = importInstallerFiles({ hostsIni: ini, varsYml: '' });
    expect(problems.map((p) => [p.line, p.message])).toEqual([[2, expect.stringMatching(/^host m is the taskbox/)]]);
    expect(config.hosts[1]?.becomePassword).toEqual({ set: true, value: 'p#1' });
    expect(config.hosts[1]?.auth).toEqual({ kind: 'password', password: { set: true, value: 'p#1' } });
  });

  it('marks key-auth hosts with an unset key and asks for the upload', () => {
    const ini = ROOT.replace('ansible_ssh_pass=PASSWORD', 'ansible_ssh_private_key_file=/root/.ssh/id_rsa ansible_port=2222');
    const { config, problems } = importInstallerFiles({ hostsIni: ini, varsYml: '' });
    expect(config.hosts[1]?.auth).toEqual({ kind: 'key', privateKey: { set: false }, passphrase: { set: false } });
    expect(config.hosts[1]?.port).toBe(2222);
    expect(problems).toContainEqual(expect.objectContaining({ line: 3, severity: 'warning', message: expect.stringMatching(/upload the private key/) }));
  });

  it('keeps stored secrets of base for placeholders', () => {
    const base = defaultConfig();
    base.hosts = importInstallerFiles({ hostsIni: ROOT, varsYml: '' }).config.hosts.map((h) =>
      h.auth.kind === 'password' ? { ...h, auth: { kind: 'password', password: { set: true } } } : h,
    );
    const { config } = importInstallerFiles({ hostsIni: ROOT, varsYml: '', base });
    expect(config.hosts[1]?.auth).toEqual({ kind: 'password', password: { set: true } });
  });

  it('keeps the stored login of a taskbox of base, and its address and port', () => {
    const base = defaultConfig();
    base.hosts = importInstallerFiles({ hostsIni: ROOT, varsYml: '' }).config.hosts.map((h) =>
      h.taskbox ? { ...h, address: 'master.example.com', port: 2200, auth: { kind: 'key', privateKey: { set: true }, passphrase: { set: false } } } : h,
    );
    const { config, problems } = importInstallerFiles({ hostsIni: ROOT, varsYml: '', base });
    expect(config.hosts[0]).toMatchObject({ address: 'master.example.com', port: 2200, auth: { kind: 'key', privateKey: { set: true } } });
    expect(problems.filter((p) => /is the taskbox/.test(p.message))).toEqual([]);
  });

  it('without a local line, the installer ran outside the cluster: every host is an SSH host and the machine asks for its login', () => {
    const ini = ROOT.replace('master ansible_connection=local  ip=192.168.0.1', 'master ansible_host=192.168.0.1  ip=192.168.0.1  ansible_ssh_pass=pw');
    const { config, problems } = importInstallerFiles({ hostsIni: ini, varsYml: '' });
    expect(config.hosts.some((h) => h.taskbox)).toBe(false);
    expect(config.installer.machine).toMatchObject({
      kind: 'external',
      address: '',
      port: 22,
      user: 'root',
      auth: { kind: 'password', password: { set: false } },
    });
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/no host has ansible_connection=local/) }));
    // and back: a file with a local line over an external-machine base runs the installer on the taskbox again
    expect(importInstallerFiles({ hostsIni: ROOT, varsYml: '', base: config }).config.installer.machine).toEqual({ kind: 'taskbox' });
  });

  it('reports problems with their lines', () => {
    const ini = [
      '[all]', //1
      'm ansible_connection=local ip=10.0.0.1 colour=blue', //2
      'm ansible_host=10.0.0.9 ip=10.0.0.9', //3
      'n ansible_host=10.0.0.2 ip=10.0.0.2 ansible_ssh_pass=x', //4
      '[kube-master]', //5
      'm', //6
      'ghost', //7
      '[kube-node]', //8
      'n', //9
      '[etcd]', //10
      'm', //11
      '[local-registry]', //12
      'm', //13
      '[k8s-cluster:children]', //14
      'kube-node', //15
      'kube-master', //16
      "broken 'quote", //17
    ].join('\n');
    const { problems } = importInstallerFiles({ hostsIni: ini, varsYml: '' });
    const at = (line: number) => problems.filter((p) => p.file === 'hosts.ini' && p.line === line).map((p) => `${p.severity}: ${p.message}`);
    expect(at(2)).toEqual([expect.stringMatching(/^warning: .*unknown variable colour/), expect.stringMatching(/^warning: host m is the taskbox/)]);
    expect(at(3)).toEqual([expect.stringMatching(/^error: host m is defined twice/)]);
    expect(at(7)).toEqual([expect.stringMatching(/^error: host ghost is in \[kube-master\] but not defined in \[all\]/)]);
    expect(at(12)).toEqual([expect.stringMatching(/^warning: \[local-registry\]/)]);
    expect(at(17)).toEqual([expect.stringMatching(/^error: cannot read the line/)]);
  });
});

describe('importInstallerFiles: vars.yml', () => {
  it('reports a key written twice at its second line, also inside loadbalancer_apiserver', () => {
    const varsYml = [
      'kube_network_plugin: calico',
      'console_port: 30880',
      'kube_network_plugin: flannel',
      'loadbalancer_apiserver:',
      '  address: 10.0.0.9',
      '  address: 10.0.0.8',
      '  port: 6443',
    ].join('\n');
    const { problems } = importInstallerFiles({ hostsIni: '', varsYml });
    const errors = problems.filter((p) => p.file === 'vars.yml' && p.severity === 'error').map((p) => [p.line, p.message]);
    expect(errors).toEqual([
      [3, 'YAML: kube_network_plugin is set twice (first on line 1); keys must be unique'],
      [6, 'YAML: loadbalancer_apiserver.address is set twice; keys must be unique'],
    ]);
  });

  it('reads the rendered seed vars back', () => {
    const { config, problems } = importInstallerFiles({ hostsIni: '', varsYml: VARS });
    const seed = seedConfig();
    expect(config.storage).toEqual({ ...seed.storage, cephRbd: { ...seed.storage.cephRbd } });
    expect(config.loadBalancer).toEqual(seed.loadBalancer);
    expect(config.options).toEqual(seed.options);
    expect(config.qingcloud).toEqual(seed.qingcloud);
    expect(only(problems, 'vars.yml', 'error')).toEqual([]);
  });

  it('accepts 2.1 key names', () => {
    const { config, problems } = importInstallerFiles({ hostsIni: '', varsYml: fixture('v2.1-snippet.vars.yml') });
    expect(config.storage.localVolume.enabled).toBe(false);
    expect(config.storage.nfs).toEqual({ enabled: true, isDefault: true, server: '192.168.0.200', path: '/mnt/kubesphere' });
    expect(config.qingcloud.lbEnabled).toBe(true);
    expect(config.options.harbor.enabled).toBe(true);
    expect(config.options.gitlab.enabled).toBe(true);
    expect(config.options.devops.sonarqubeEnabled).toBe(false);
    expect(config.options.logging).toMatchObject({ kibanaEnabled: true, keepLogDays: 14 });
    expect(config.options.monitoring.prometheusMemory).toBe('1Gi');
    expect(only(problems, 'vars.yml', 'error')).toEqual([]);
    expect(problems.find((p) => p.line === 2)?.message).toMatch(/local_volume_enabled is the 2\.1 name; the wizard writes local_volume_provisioner_enabled/);
  });

  it('reports wrong types, unknown keys, placeholders and YAML errors with lines', () => {
    const yml = [
      'kubelet_max_pods: lots', //1
      'harbor_enable: "yes"', //2
      'colour: blue', //3
      'ceph_rbd_admin_secret: "********"', //4
      'jwt_admin_key: real-key', //5
      'nvidia_gpu_nodes:', //6
      '  - node1', //7
      'kube_proxy_mode: userspace', //8
      'ceph_rbd_imageFormat: 2', //9
      'ks_version: 2.1.0', //10
      'loadbalancer_apiserver:', //11
      '  address: 10.0.0.10', //12
      '  port: 6443', //13
      'apiserver_loadbalancer_domain_name: "api.example.com"', //14
    ].join('\n');
    const { config, problems } = importInstallerFiles({ hostsIni: '', varsYml: yml });
    const at = (line: number) => problems.filter((p) => p.file === 'vars.yml' && p.line === line).map((p) => p.severity);
    expect(at(1)).toEqual(['error']);
    expect(at(2)).toEqual(['error']);
    expect(at(3)).toEqual(['warning']);
    expect(at(4)).toEqual(['warning']);
    expect(at(5)).toEqual([]);
    expect(at(6)).toEqual(['warning']);
    expect(at(8)).toEqual(['error']);
    expect(at(10)).toEqual(['warning']);
    expect(config.network.maxPods).toBe(110);
    expect(config.storage.cephRbd.adminSecret).toEqual({ set: false });
    expect(config.storage.glusterfs.jwtAdminKey).toEqual({ set: true, value: 'real-key' });
    expect(config.storage.cephRbd.imageFormat).toBe('2');
    expect(config.loadBalancer).toEqual({ kind: 'external', address: '10.0.0.10', port: 6443, domain: 'api.example.com' });
    const broken = importInstallerFiles({ hostsIni: '', varsYml: 'a: 1\nb: [\nc: 2\n' }).problems.filter(
      (p) => p.file === 'vars.yml' && p.severity === 'error',
    );
    expect(broken.length).toBeGreaterThan(0);
    expect(broken[0]?.line).toBeGreaterThanOrEqual(2);
    const dup = importInstallerFiles({ hostsIni: '', varsYml: 'nfs_server: a\nnfs_server: b\n' }).problems;
    expect(dup).toContainEqual(expect.objectContaining({ file: 'vars.yml', line: 2, severity: 'error' }));
  });
});
