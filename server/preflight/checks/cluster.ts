/**
 * Cluster-wide checks (recorded under host "*"): totals against the docs' multi-node minimum,
 * hostname uniqueness, node IPs outside the service/pod CIDRs, and the LB seen from the wizard's
 * machine (the taskbox stand-in).
 */
import { cidrContains } from '@/lib/config/net';
import type { ClusterCheck } from '../types';
import { fail, gib, minimumStatus, pass, warn } from './util';

export const TOTAL_MIN_CPUS = 8;
export const TOTAL_MIN_MEM_GB = 16;
export const TOTAL_MIN_MEM_GB_DEVOPS = 24;
/** MemTotal of a "16 GB" machine is a little under 16 GiB: allow 5 %. */
const MEM_SLACK = 0.95;

export const resourcesTotalCheck: ClusterCheck = {
  id: 'resources-total',
  title: 'Cluster CPU and memory',
  run({ config, facts, minimums }) {
    const known = [...facts.values()].filter((f) => f.cpus !== undefined && f.mem !== undefined);
    if (known.length === 0) return undefined;
    const cpus = known.reduce((n, f) => n + (f.cpus ?? 0), 0);
    const memKb = known.reduce((n, f) => n + (f.mem?.memTotalKb ?? 0), 0);
    const devops = config.options.harbor.enabled || config.options.gitlab.enabled;
    const minMem = devops ? TOTAL_MIN_MEM_GB_DEVOPS : TOTAL_MIN_MEM_GB;
    const partial = known.length < config.hosts.length ? ` (${known.length} of ${config.hosts.length} hosts measured)` : '';
    const what = `${known.length} hosts: ${cpus} CPU and ${gib(memKb)} RAM in total${partial}`;
    const evidence = [...facts.entries()].map(([name, f]) => `${name}: ${f.cpus ?? '?'} CPU, ${f.mem ? gib(f.mem.memTotalKb) : '?'}`).join('\n');
    const short: string[] = [];
    if (cpus < TOTAL_MIN_CPUS) short.push(`${TOTAL_MIN_CPUS} CPU`);
    if (memKb < minMem * 1024 * 1024 * MEM_SLACK) short.push(`${minMem} GB RAM${devops ? ' (Harbor/GitLab enabled)' : ''}`);
    const hint = 'Add hosts or resize them: below the minimum the install times out at "Waiting for ks-console" / "ks-account" (FAQ 4.3).';
    if (short.length > 0) {
      return {
        status: minimumStatus(minimums),
        message: `${what}; KubeSphere 2.0 needs at least ${short.join(' and ')}.${minimums === 'warn' ? ' Not enforced for this installer profile.' : ''}`,
        hint,
        evidence,
      };
    }
    if (config.hosts.length < 3) return warn(`${what}; the docs' multi-node layout needs at least 3 hosts.`, 'Add hosts to reach 3.', evidence);
    return pass(`${what} (minimum ${TOTAL_MIN_CPUS} CPU, ${minMem} GB).`, evidence);
  },
};

export const hostnamesUniqueCheck: ClusterCheck = {
  id: 'hostnames-unique',
  title: 'Unique hostnames',
  run({ facts }) {
    const byName = new Map<string, string[]>();
    for (const [host, f] of facts) {
      if (!f.hostname) continue;
      byName.set(f.hostname, [...(byName.get(f.hostname) ?? []), host]);
    }
    if (byName.size === 0) return undefined;
    const dupes = [...byName.entries()].filter(([, hosts]) => hosts.length > 1);
    const evidence = [...facts.entries()].map(([host, f]) => `${host}: ${f.hostname}`).join('\n');
    if (dupes.length > 0) {
      return fail(
        `Hosts share a hostname: ${dupes.map(([name, hosts]) => `"${name}" on ${hosts.join(', ')}`).join('; ')}. Nodes with the same name overwrite each other in Kubernetes.`,
        'Give every host its own name (hostnamectl set-hostname <inventory name>).',
        evidence,
      );
    }
    return pass(`${byName.size} distinct hostnames.`, evidence);
  },
};

export const cidrCheck: ClusterCheck = {
  id: 'cidr',
  title: 'Node IPs outside cluster CIDRs',
  run({ config, facts }) {
    const { serviceCidr, podCidr } = config.network;
    const inside: string[] = [];
    for (const host of config.hosts) {
      const addresses = new Set([
        host.ip,
        ...(facts
          .get(host.name)
          ?.addresses.filter((a) => a.iface !== 'lo')
          .map((a) => a.address) ?? []),
      ]);
      for (const ip of addresses) {
        if (cidrContains(serviceCidr, ip)) inside.push(`${host.name} ${ip} is inside the service CIDR ${serviceCidr}`);
        else if (cidrContains(podCidr, ip)) inside.push(`${host.name} ${ip} is inside the pod CIDR ${podCidr}`);
      }
    }
    if (inside.length > 0) {
      return fail(
        `${inside.join('; ')}: routing to those nodes breaks after install.`,
        'Change kube_service_addresses / kube_pods_subnet (Network step) to ranges that do not contain node addresses.',
        inside.join('\n'),
      );
    }
    return pass(`No node address is inside ${serviceCidr} (services) or ${podCidr} (pods).`);
  },
};

export const loadBalancerCheck: ClusterCheck = {
  id: 'load-balancer',
  title: 'Load balancer',
  async run({ config, tcpProbe }) {
    const lb = config.loadBalancer;
    const masters = config.hosts.filter((h) => h.roles.master).length;
    if (lb.kind === 'none') {
      if (masters > 1) return pass(`No external LB: with ${masters} masters every node balances to them through its local nginx proxy.`);
      return undefined;
    }
    if (lb.kind === 'internal') {
      return pass(
        `The wizard builds keepalived + HAProxy on ${lb.hosts.map((h) => h.name).join(', ')} in its "Build the internal load balancer" stage, serving ${lb.vip}:${lb.port}; the VIP, VRRP and LB host checks judge what it needs.`,
      );
    }
    const r = await tcpProbe(lb.address, lb.port, 3000);
    const evidence = `TCP connect from the wizard's machine to ${r.target}: ${r.kind} ${r.detail}`;
    switch (r.kind) {
      case 'open':
        return pass(
          `The LB answers on ${lb.address}:${lb.port}. Its backends show "unavailable" until kube-apiserver runs; that is expected before install.`,
          evidence,
        );
      case 'refused':
        return warn(
          `${lb.address}:${lb.port} refused the connection: the address is routable but nothing accepts on port ${lb.port}.`,
          `Create the TCP listener on ${lb.port} with all masters on 6443 as backends. Backends "unavailable" is expected before install; a missing listener is not.`,
          evidence,
        );
      case 'timeout':
        return warn(
          `${lb.address}:${lb.port} did not answer within 3 s from the wizard's machine: a firewall or the LB's security group may drop it (some LBs also drop connections while no backend is healthy).`,
          `Open ${lb.port} in the LB's own security group and check it from a master: timeout 3 bash -c '</dev/tcp/${lb.address}/${lb.port}'.`,
          evidence,
        );
      default:
        return fail(
          `${lb.address}:${lb.port} is not reachable from the wizard's machine (${r.kind}: ${r.detail}).`,
          "Check the LB address (an IP in the hosts' private network) and its routing.",
          evidence,
        );
    }
  },
};
