/** Internal IP on an interface, ports free, firewall state, and TCP reachability from the host. */
import { parseIPv4 } from '@/lib/config/net';
import type { HostCheck } from '../types';
import { probeTargetsFor, type ProbePurpose } from '../probe-targets';
import type { ProbeLine } from '../parse/misc';
import { conflictingListeners, requiredPorts } from './ports';
import { fail, pass, section, warn } from './util';

/** True when `ip` lies in the subnet `address/prefix`. */
export function inSubnet(address: string, prefix: number, ip: string): boolean {
  const a = parseIPv4(address);
  const b = parseIPv4(ip);
  if (a === undefined || b === undefined || prefix < 0 || prefix > 32) return false;
  const size = 2 ** (32 - prefix);
  return Math.floor(a / size) === Math.floor(b / size);
}

export const ipLocalCheck: HostCheck = {
  id: 'ip-local',
  title: 'Internal IP on the host',
  run({ facts, host }) {
    const evidence = section(facts, 'ip');
    const found = facts.addresses.map((a) => `${a.address} (${a.iface})`).join(', ') || 'none';
    const exact = facts.addresses.find((a) => a.address === host.ip);
    if (exact) return pass(`${host.ip} is configured on ${exact.iface}.`, evidence);
    return fail(
      `${host.ip} is not configured on any interface of the host (found: ${found}). Kubespray stops with "Stop if ip var does not match local ips".`,
      `Set "ip" to one of the host's own addresses (${
        facts.addresses
          .filter((a) => a.iface !== 'lo')
          .map((a) => a.address)
          .join(', ') || 'see ip -4 addr'
      }); a public or floating IP (EIP) is not on the host and cannot be used.`,
      evidence,
    );
  },
};

export const portsCheck: HostCheck = {
  id: 'ports',
  title: 'Ports free',
  run({ facts, host, config }) {
    const needs = requiredPorts(host, config);
    const list = needs.map((n) => n.port).join(', ');
    const conflicts = conflictingListeners(facts.listeners, needs);
    const evidenceLines = conflicts.map((c) => c.listener.line);
    if (conflicts.length === 0) return pass(`Ports ${list} are free.`, section(facts, 'ss').split('\n').slice(0, 40).join('\n'));
    const described = conflicts.map(({ need, listener }) => {
      const who = listener.process
        ? `${listener.process} (pid ${listener.pid ?? '?'})`
        : facts.privileged
          ? 'an unknown process'
          : 'a process (name visible only with root)';
      return `port ${need.port} (needed by ${need.owner}) is taken by ${who} on ${listener.address}`;
    });
    const pids = conflicts.map((c) => c.listener.pid).filter((p): p is number => p !== undefined);
    return {
      status: 'fail',
      message: `${described.join('; ')}.`,
      hint: `Stop or move what listens there${pids.length > 0 ? ` (e.g. ps -fp ${[...new Set(pids)].join(',')})` : ` (sudo ss -ltnp 'sport = :${conflicts[0]?.need.port}')`}; the host must be clean before the install.`,
      evidence: evidenceLines.join('\n'),
    };
  },
};

export const firewallCheck: HostCheck = {
  id: 'firewall',
  title: 'Firewall',
  run({ facts, host, config }) {
    const evidence = section(facts, 'firewall');
    const firewalld = facts.firewall.get('firewalld') === 'active';
    const ufwStatus = facts.firewall.get('ufw-status');
    const ufw = ufwStatus !== undefined && ufwStatus !== '' ? /status:\s*active/i.test(ufwStatus) : facts.firewall.get('ufw') === 'active';
    if (!firewalld && !ufw) return pass('No firewalld or ufw running.', evidence);
    const ports = [...new Set([22, ...requiredPorts(host, config).map((n) => n.port)])].sort((a, b) => a - b);
    const open = firewalld
      ? `firewall-cmd --permanent ${ports.map((p) => `--add-port=${p}/tcp`).join(' ')} --add-port=30000-32767/tcp --add-port=53/udp --add-protocol=ipip && firewall-cmd --reload`
      : `${ports.map((p) => `ufw allow ${p}/tcp`).join(' && ')} && ufw allow 30000:32767/tcp && ufw allow 53/udp && ufw allow proto ipip from any`;
    const stop = firewalld ? 'systemctl stop firewalld && systemctl disable firewalld' : 'ufw disable';
    return warn(
      `${firewalld ? 'firewalld' : 'ufw'} is active: with closed ports pods fail with "dial tcp 10.233.0.1:443: no route to host" (FAQ 4.2).`,
      `The docs recommend turning it off (${stop}). Or open the ports this host needs: ${open}`,
      evidence,
    );
  },
};

function describeProbe(p: ProbeLine, label: string): string {
  switch (p.kind) {
    case 'open':
      return `${label}: answers`;
    case 'refused':
      return `${label}: refused (routable; nothing listens yet, as expected before install)`;
    case 'unreachable':
      return `${label}: "no route to host" (a firewall rejects it; firewalld's default answer)`;
    case 'timeout':
      return `${label}: no answer within 3 s (a firewall or security group drops it)`;
    case 'dns':
      return `${label}: the name does not resolve on this host`;
    default:
      return `${label}: ${p.detail || 'error'}`;
  }
}

function reachCheck(id: string, title: string, purposes: ProbePurpose[], what: string): HostCheck {
  return {
    id,
    title,
    run({ facts, host, config }) {
      const targets = probeTargetsFor(host, config).filter((t) => purposes.includes(t.purpose));
      if (targets.length === 0) return undefined;
      const lines: string[] = [];
      const bad: string[] = [];
      const soft: string[] = [];
      for (const t of targets) {
        const probe = facts.probes.find((p) => p.target === t.target) ?? { target: t.target, kind: 'error' as const, detail: 'not tested' };
        const text = describeProbe(probe, t.label);
        lines.push(text);
        if (probe.kind === 'open' || probe.kind === 'refused') continue;
        // Before install an LB without healthy backends may drop connections: only a warning.
        if (t.purpose === 'lb' && probe.kind === 'timeout') soft.push(text);
        else bad.push(text);
      }
      const evidence = `${lines.join('\n')}\n\nraw:\n${section(facts, 'probes')}`;
      if (bad.length > 0) {
        return fail(`From ${host.name}, ${bad.join('; ')}.`, `Open these ports between the hosts (security group / firewall), then re-run: ${what}.`, evidence);
      }
      if (soft.length > 0) {
        return warn(
          `From ${host.name}, ${soft.join('; ')}. Before install the LB backends show "unavailable" (nothing listens on 6443 yet), which is expected, but the listener should still accept or refuse.`,
          'Check the LB listener exists and its own security group allows the port from the hosts.',
          evidence,
        );
      }
      return pass(`${targets.length} connection${targets.length === 1 ? '' : 's'} routable from ${host.name}.`, evidence);
    },
  };
}

export const clusterNetworkCheck = reachCheck(
  'peers',
  'Reach etcd, masters and LB',
  ['etcd', 'master', 'lb'],
  'etcd 2379–2380 between etcd members, 2379 from every node, 6443 to the masters and the LB port',
);
export const storageReachCheck = reachCheck(
  'storage',
  'Reach the storage server',
  ['storage'],
  'NFS needs rpcbind 111 and 2049, Ceph its monitor ports, GlusterFS the Heketi URL',
);
