/**
 * Renders a KubeSphere 2.x `conf/hosts.ini` for the lab hosts, field order as install.sh expects:
 * name, ansible_host, ip, ansible_user, ansible_become_pass.
 * Roles: the first 3 hosts (1 when fewer than 3) are kube-master and etcd (odd count), the rest
 * kube-node; when there is no worker the masters are also listed in kube-node (as the shipped file does).
 */
import type { LabHostState } from './state';

export function renderInventory(hosts: LabHostState[], user: string, password: string): string {
  const masters = hosts.slice(0, hosts.length >= 3 ? 3 : 1).map((h) => h.name);
  const workers = hosts.slice(masters.length).map((h) => h.name);
  const nodes = workers.length > 0 ? workers : masters;
  const all = hosts.map((h) => `${h.name} ansible_host=${h.address} ip=${h.address} ansible_user=${user} ansible_become_pass=${password}`);
  return [
    '[all]',
    ...all,
    '',
    '[kube-master]',
    ...masters,
    '',
    '[kube-node]',
    ...nodes,
    '',
    '[etcd]',
    ...masters,
    '',
    '[k8s-cluster:children]',
    'kube-node',
    'kube-master',
    '',
  ].join('\n');
}

export function renderKnownHosts(hosts: Array<{ address: string; port: number; algorithm: string; base64: string }>): string {
  return hosts.map((h) => `${h.port === 22 ? h.address : `[${h.address}]:${h.port}`} ${h.algorithm} ${h.base64}`).join('\n') + '\n';
}
