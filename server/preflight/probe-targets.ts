/**
 * Which TCP connections a host tests *from itself* before install (run inside the gather script):
 * etcd members to each other on 2379–2380, every node to etcd 2379 (apiserver, Calico) and to the
 * masters' 6443, every node to the external LB, and every node to the storage servers.
 * Before install nothing listens on the cluster ports, so "connection refused" is the good answer:
 * the packet got there and back. A timeout or "no route to host" means a firewall is in the way.
 *
 * The taskbox also tests every other host's SSH address:port (purpose 'ssh'), where the install's
 * Ansible will connect: there only an open port is good. An installer machine outside the cluster
 * tests those only: it takes no part in the cluster's traffic.
 */
import type { Host, InstallConfig } from '@/lib/config/schema';
import { parseHostPort } from '@/lib/config/net';
import { isExternalInstaller, isTaskbox, taskboxLoginProblem } from './taskbox';

export type ProbePurpose = 'etcd' | 'master' | 'lb' | 'storage' | 'ssh';
export interface ProbeTarget {
  target: string;
  purpose: ProbePurpose;
  label: string;
}

function storageTargets(config: InstallConfig): ProbeTarget[] {
  const out: ProbeTarget[] = [];
  const { nfs, cephRbd, glusterfs } = config.storage;
  if (nfs.enabled && nfs.server) {
    out.push({ target: `${nfs.server}:111`, purpose: 'storage', label: `NFS rpcbind ${nfs.server}:111` });
    out.push({ target: `${nfs.server}:2049`, purpose: 'storage', label: `NFS ${nfs.server}:2049` });
  }
  if (cephRbd.enabled) {
    for (const monitor of cephRbd.monitors) {
      if (parseHostPort(monitor)) out.push({ target: monitor, purpose: 'storage', label: `Ceph monitor ${monitor}` });
    }
  }
  if (glusterfs.enabled && glusterfs.restUrl) {
    try {
      const url = new URL(glusterfs.restUrl);
      const port = url.port || (url.protocol === 'https:' ? '443' : '80');
      out.push({ target: `${url.hostname}:${port}`, purpose: 'storage', label: `Heketi ${glusterfs.restUrl}` });
    } catch {
      /* an invalid URL is reported by the config rules */
    }
  }
  return out;
}

/** From the taskbox: every other host's SSH address and port. */
export function taskboxSshTargets(taskbox: Host, config: InstallConfig): (ProbeTarget & { host: string })[] {
  return config.hosts
    .filter((h) => h.name !== taskbox.name && h.address.trim() !== '')
    .map((h) => ({ target: `${h.address.trim()}:${h.port}`, purpose: 'ssh' as const, label: `SSH of ${h.name} ${h.address.trim()}:${h.port}`, host: h.name }));
}

const withoutHost = ({ target, purpose, label }: ProbeTarget & { host: string }): ProbeTarget => ({ target, purpose, label });

export function probeTargetsFor(host: Host, config: InstallConfig): ProbeTarget[] {
  if (isExternalInstaller(host, config)) return taskboxLoginProblem(host) ? [] : taskboxSshTargets(host, config).map(withoutHost);
  const out: ProbeTarget[] = [];
  const others = config.hosts.filter((h) => h.name !== host.name && h.ip && h.ip !== host.ip);
  for (const peer of others.filter((h) => h.roles.etcd)) {
    out.push({ target: `${peer.ip}:2379`, purpose: 'etcd', label: `etcd client ${peer.name} ${peer.ip}:2379` });
    if (host.roles.etcd) out.push({ target: `${peer.ip}:2380`, purpose: 'etcd', label: `etcd peer ${peer.name} ${peer.ip}:2380` });
  }
  for (const master of others.filter((h) => h.roles.master)) {
    out.push({ target: `${master.ip}:6443`, purpose: 'master', label: `apiserver ${master.name} ${master.ip}:6443` });
  }
  const lb = config.loadBalancer;
  if (lb.kind === 'external' && lb.address) {
    out.push({ target: `${lb.address}:${lb.port}`, purpose: 'lb', label: `load balancer ${lb.address}:${lb.port}` });
  }
  out.push(...storageTargets(config));
  // (a taskbox without a login is checked on the wizard's machine: its probes would not be the taskbox's)
  if (isTaskbox(host, config) && !taskboxLoginProblem(host)) out.push(...taskboxSshTargets(host, config).map(withoutHost));
  const seen = new Set<string>();
  return out.filter((t) => (seen.has(t.target) ? false : (seen.add(t.target), true)));
}
