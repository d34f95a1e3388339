/**
 * The checks of an internal load balancer's host (after ssh, sudo and ip-local), judged on the LB
 * part of its gather (lb-gather-script.ts): the VRRP interface and its subnet, the listen port free,
 * HAProxy and keepalived installed or installable from the host's package sources.
 */
import { formatIPv4, parseIPv4 } from '@/lib/config/net';
import type { InstallConfig, InternalLoadBalancer, LbHost } from '@/lib/config/schema';
import type { Listener } from '../parse/network';
import type { LbPackage } from '../parse/lb';
import type { HostCheck } from '../types';
import { inSubnet } from './network';
import { fail, pass, section, warn } from './util';

/** The first line ks-wizard writes into haproxy.cfg (playbooks/internal-lb/templates/haproxy.cfg.j2). */
export const WIZARD_HAPROXY_MARK = '# ks-wizard: the internal load balancer';

export function internalLbOf(config: InstallConfig): InternalLoadBalancer | undefined {
  return config.loadBalancer.kind === 'internal' ? config.loadBalancer : undefined;
}

export function lbHostNamed(config: InstallConfig, name: string): LbHost | undefined {
  return internalLbOf(config)?.hosts.find((h) => h.name === name);
}

/** `10.0.0.0/24` of an interface address. */
export function subnetText(a: { address: string; prefix: number }): string {
  const value = parseIPv4(a.address) ?? 0;
  const size = 2 ** (32 - a.prefix);
  return `${formatIPv4(value - (value % size))}/${a.prefix}`;
}

export const lbInterfaceCheck: HostCheck = {
  id: 'lb-interface',
  title: 'VRRP interface',
  run({ facts, host, config }) {
    const lb = internalLbOf(config);
    const lbHost = lbHostNamed(config, host.name);
    if (!lb || !lbHost || !facts.lb) return undefined;
    const evidence = section(facts, 'ip');
    const iface = facts.lb.iface;
    const found =
      facts.addresses
        .filter((a) => a.iface !== 'lo')
        .map((a) => `${a.iface} ${a.address}/${a.prefix}`)
        .join(', ') || 'none';
    if (iface === '') {
      return fail(
        `No interface of ${host.name} holds its IP ${lbHost.ip} (found: ${found}), so keepalived has no interface for the VIP.`,
        `Set ${host.name}'s IP to its address on the masters' network, or name its VRRP interface, in the Load balancer step.`,
        evidence,
      );
    }
    const held = facts.addresses.filter((a) => a.iface === iface);
    if (held.length === 0) {
      return fail(
        `${host.name} has no interface ${iface} with an IPv4 address (found: ${found}).`,
        `Name the interface on the masters' network as ${host.name}'s VRRP interface (or leave it empty to use the one holding ${lbHost.ip}).`,
        evidence,
      );
    }
    const holding = held.find((a) => inSubnet(a.address, a.prefix, lb.vip));
    const subnets = held.map((a) => `${a.address}/${a.prefix}`).join(', ');
    if (!holding) {
      return fail(
        `The virtual IP ${lb.vip} is outside the subnet of ${host.name}'s VRRP interface ${iface} (${held.map(subnetText).join(', ')}): keepalived can move the VIP only within the LB hosts' own network.`,
        `Choose a VIP in ${held.map(subnetText).join(' or ')} (the masters' subnet), or give ${host.name} an address and VRRP interface on the VIP's network.`,
        evidence,
      );
    }
    return pass(`${iface} holds ${subnets}, the subnet of the VIP ${lb.vip}: keepalived adds the VIP to ${iface}.`, evidence);
  },
};

function describeListener(l: Listener, privileged: boolean): string {
  const who = l.process ? `${l.process} (pid ${l.pid ?? '?'})` : privileged ? 'an unknown process' : 'a process (name visible only with root)';
  return `${who} on ${l.address}:${l.port}`;
}

export const lbPortCheck: HostCheck = {
  id: 'lb-port',
  title: 'LB listen port free',
  run({ facts, host, config }) {
    const lb = internalLbOf(config);
    if (!lb || !facts.lb) return undefined;
    const taken = facts.listeners.filter((l) => l.port === lb.port);
    const evidence = taken.map((l) => l.line).join('\n') || section(facts, 'ss').split('\n').slice(0, 40).join('\n');
    if (taken.length === 0) return pass(`Port ${lb.port} is free on ${host.name}: HAProxy can listen there.`, evidence);
    const others = taken.filter((l) => l.process !== 'haproxy');
    if (others.length > 0) {
      const pids = [...new Set(others.map((l) => l.pid).filter((p): p is number => p !== undefined))];
      return fail(
        `Port ${lb.port} on ${host.name} is taken by ${others.map((l) => describeListener(l, facts.privileged)).join('; ')}: HAProxy cannot listen there.`,
        `Stop or move what listens there (${pids.length > 0 ? `ps -fp ${pids.join(',')}` : `sudo ss -ltnp 'sport = :${lb.port}'`}), or choose another listen port in the Load balancer step.`,
        evidence,
      );
    }
    if (facts.lb.haproxyConfigHead.startsWith(WIZARD_HAPROXY_MARK)) {
      return pass(
        `HAProxy already listens on port ${lb.port} on ${host.name}, with the configuration ks-wizard wrote (the load balancer is built: a re-check after the install). Its stage rewrites and reloads it.`,
        evidence,
      );
    }
    return warn(
      `HAProxy already listens on port ${lb.port} on ${host.name}, with a configuration ks-wizard did not write: the load balancer's stage replaces /etc/haproxy/haproxy.cfg and restarts HAProxy, so its other frontends stop.`,
      `Move other HAProxy services off ${host.name} (dedicated LB hosts are recommended), or acknowledge that the file is replaced.`,
      evidence,
    );
  },
};

function packageText(name: string, p: LbPackage | undefined): string {
  if (!p) return `${name}: not looked at`;
  switch (p.state) {
    case 'installed':
      return `${name}: installed (${p.path})`;
    case 'available':
      return `${name}: not installed, available from the package sources${p.version ? ` (${p.version})` : ''}`;
    case 'unavailable':
      return `${name}: not installed and not in the package sources (${p.detail})`;
    case 'unknown':
      return `${name}: unknown (${p.detail})`;
  }
}

export const lbPackagesCheck: HostCheck = {
  id: 'lb-packages',
  title: 'HAProxy and keepalived',
  run({ facts, host, config }) {
    if (!internalLbOf(config) || !facts.lb) return undefined;
    const names = ['haproxy', 'keepalived'];
    const states = names.map((n) => ({ name: n, p: facts.lb?.packages.get(n) }));
    const lines = states.map((s) => packageText(s.name, s.p));
    const evidence = section(facts, 'lb-pkg');
    const yum = facts.packageManager === 'yum';
    const missing = states.filter((s) => s.p?.state === 'unavailable').map((s) => s.name);
    if (missing.length > 0) {
      return fail(
        `${lines.join('; ')}. The load balancer's stage installs them with the host's package manager, which cannot find ${missing.join(' and ')}.`,
        yum
          ? `Enable a repository that has ${missing.join(' and ')} (CentOS/RHEL base has both), or install them by hand (yum install -y ${missing.join(' ')}).`
          : `Add a package source that has ${missing.join(' and ')} (Debian/Ubuntu main has both) and run apt-get update, or install them by hand (apt-get install -y ${missing.join(' ')}).`,
        evidence,
      );
    }
    const unknown = states.filter((s) => !s.p || s.p.state === 'unknown').map((s) => s.name);
    if (unknown.length > 0) {
      return warn(
        `${lines.join('; ')}.`,
        `Make sure ${host.name} can install ${unknown.join(' and ')} from its package sources, or install them before the install.`,
        evidence,
      );
    }
    return pass(`${lines.join('; ')}.`, evidence);
  },
};
