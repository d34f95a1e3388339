/** The ports each role needs free on the host (reference §3), and which listeners take them. */
import type { Host, InstallConfig } from '@/lib/config/schema';
import { RESERVED_NODE_PORTS } from '@/lib/config/defaults';
import type { Listener } from '../parse/network';

export interface PortNeed {
  port: number;
  owner: string;
}

export function requiredPorts(host: Host, config: InstallConfig): PortNeed[] {
  const needs: PortNeed[] = [{ port: 10250, owner: 'kubelet' }];
  if (config.network.plugin === 'calico') needs.push({ port: 179, owner: 'Calico BGP' }, { port: 9099, owner: 'Calico Felix health' });
  needs.push({ port: 9100, owner: 'node-exporter' });
  needs.push({ port: config.options.console.port, owner: 'the KubeSphere console NodePort' });
  for (const port of RESERVED_NODE_PORTS) needs.push({ port, owner: 'a KubeSphere NodePort (Jenkins/Harbor)' });
  if (host.roles.master) {
    needs.push({ port: 6443, owner: 'kube-apiserver' });
    for (let port = 10251; port <= 10258; port += 1) needs.push({ port, owner: 'the master components (scheduler, controller-manager, kube-proxy health)' });
  }
  if (host.roles.etcd) needs.push({ port: 2379, owner: 'etcd (client)' }, { port: 2380, owner: 'etcd (peer)' });
  const seen = new Set<number>();
  return needs.filter((n) => (seen.has(n.port) ? false : (seen.add(n.port), true))).sort((a, b) => a.port - b.port);
}

/**
 * Listeners that would stop a component from binding. Kubernetes binds every address, so a listener
 * on any address of the host conflicts (lab hosts too: each has its own network namespace).
 */
export function conflictingListeners(listeners: readonly Listener[], needs: readonly PortNeed[]): { need: PortNeed; listener: Listener }[] {
  const out: { need: PortNeed; listener: Listener }[] = [];
  for (const need of needs) {
    const listener = listeners.find((l) => l.port === need.port);
    if (listener) out.push({ need, listener });
  }
  return out;
}
