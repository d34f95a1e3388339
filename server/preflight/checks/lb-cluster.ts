/**
 * Cluster-wide checks of the internal load balancer, judged on the masters' facts and the LB hosts'
 * (ctx.lbFacts): the VIP in the masters' subnet and reached by every master, nobody answering ARP
 * for the VIP, and VRRP (IP protocol 112) getting through between every two LB hosts.
 */
import { parseIPv4 } from '@/lib/config/net';
import type { LbHost } from '@/lib/config/schema';
import type { HostFacts } from '../parse/facts';
import type { Route } from '../parse/lb';
import type { ClusterCheck } from '../types';
import { internalLbOf, subnetText } from './lb-host';
import { inSubnet } from './network';
import { fail, pass, warn } from './util';

/** The route the host would take to `ip` (longest prefix; 'default' is /0). */
export function routeTo(routes: readonly Route[], ip: string): Route | undefined {
  let best: { route: Route; prefix: number } | undefined;
  for (const route of routes) {
    const [net = '', bits = '0'] = route.destination === 'default' ? ['0.0.0.0', '0'] : route.destination.split('/');
    const prefix = Number(bits);
    if (parseIPv4(net) === undefined || !inSubnet(net, prefix, ip)) continue;
    if (!best || prefix > best.prefix) best = { route, prefix };
  }
  return best?.route;
}

const unique = (items: readonly string[]) => [...new Set(items)];

export const lbVipSubnetCheck: ClusterCheck = {
  id: 'lb-vip-subnet',
  title: "VIP in the masters' subnet",
  run({ config, facts }) {
    const lb = internalLbOf(config);
    if (!lb || parseIPv4(lb.vip) === undefined) return undefined;
    const inside: { text: string; prefix: number; subnet: string }[] = [];
    const outside: string[] = [];
    const unseen: string[] = [];
    for (const m of config.hosts.filter((h) => h.roles.master)) {
      const f = facts.get(m.name);
      const a = f?.addresses.find((x) => x.address === m.ip);
      if (!f || !a) {
        unseen.push(f ? `${m.name} (its IP ${m.ip} is on no interface)` : m.name);
        continue;
      }
      if (inSubnet(a.address, a.prefix, lb.vip)) {
        inside.push({ text: `${m.name} ${a.iface} ${a.address}/${a.prefix}`, prefix: a.prefix, subnet: subnetText(a) });
        continue;
      }
      const route = routeTo(f.routes, lb.vip);
      const how = route ? `it reaches ${lb.vip} only through ${route.via ? `the gateway ${route.via}` : route.dev}` : `it has no route to ${lb.vip} at all`;
      outside.push(`${m.name} (${a.iface} ${subnetText(a)}: ${how})`);
    }
    const evidence = [...inside.map((i) => i.text), ...outside, ...unseen.map((u) => `${u}: not seen`)].join('\n');
    if (outside.length > 0) {
      const subnets = unique(outside.map((o) => /\s(\d+\.\d+\.\d+\.\d+\/\d+):/.exec(o)?.[1] ?? '')).filter(Boolean);
      return fail(
        `The virtual IP ${lb.vip} is outside the masters' subnet ${subnets.join(', ')} found on their interfaces: ${outside.join('; ')}. keepalived moves the VIP by ARP, which works only within the masters' own network.`,
        `Choose a free address in ${subnets[0] ?? "the masters' subnet"} for the VIP and set the prefix length to the masters' netmask (/${subnets[0]?.split('/')[1] ?? '24'}), in the Load balancer step.`,
        evidence,
      );
    }
    if (inside.length === 0) {
      return warn(
        `Could not see the masters' interfaces (${unseen.join(', ')}), so the VIP's subnet was not checked.`,
        "Fix the masters' own checks, then check again.",
        evidence,
      );
    }
    const subnets = unique(inside.map((i) => i.subnet));
    const prefixes = unique(inside.map((i) => String(i.prefix)));
    if (prefixes.some((p) => Number(p) !== lb.prefixLength)) {
      return warn(
        `${lb.vip} is in the masters' subnet ${subnets.join(', ')}, but the VIP's prefix length /${lb.prefixLength} differs from the masters' netmask /${prefixes.join(', /')}: keepalived adds the VIP as ${lb.vip}/${lb.prefixLength}.`,
        `Set the prefix length to ${prefixes[0]} in the Load balancer step.`,
        evidence,
      );
    }
    const note = unseen.length > 0 ? ` (${unseen.join(', ')} not seen)` : '';
    return pass(`${lb.vip} is in the masters' subnet ${subnets.join(', ')}: every master reaches it directly${note}.`, evidence);
  },
};

function lbHostsWithFacts(hosts: readonly LbHost[], lbFacts: ReadonlyMap<string, HostFacts>) {
  return hosts.map((h) => ({ host: h, facts: lbFacts.get(h.name) }));
}

export const lbVipFreeCheck: ClusterCheck = {
  id: 'lb-vip-free',
  title: 'Virtual IP unused',
  run({ config, facts, lbFacts = new Map() }) {
    const lb = internalLbOf(config);
    if (!lb || parseIPv4(lb.vip) === undefined) return undefined;
    const lbs = lbHostsWithFacts(lb.hosts, lbFacts);
    const ours = new Map<string, string>();
    for (const { host, facts: f } of lbs) for (const mac of f?.lb?.macs.values() ?? []) ours.set(mac, host.name);
    const lbHolders = lbs.filter(({ facts: f }) => f?.addresses.some((a) => a.address === lb.vip)).map(({ host }) => host.name);
    // a master that is also an LB host holds the VIP as that LB host (its LB row says so)
    const lbMachines = new Set(lb.hosts.flatMap((h) => [h.ip, h.address]));
    const clusterHolders = [...facts]
      .filter(
        ([name, f]) =>
          f.addresses.some((a) => a.address === lb.vip) && !config.hosts.some((h) => h.name === name && (lbMachines.has(h.ip) || lbMachines.has(h.address))),
      )
      .map(([name, f]) => `${name} (${f.addresses.find((a) => a.address === lb.vip)?.iface ?? '?'})`);
    const asked = lbs.filter(({ facts: f }) => f?.lb?.arp.method !== undefined && f.lb.arp.error === undefined);
    const strangers = new Map<string, string[]>();
    for (const { host, facts: f } of asked)
      for (const mac of f?.lb?.arp.replies ?? []) if (!ours.has(mac)) strangers.set(mac, [...(strangers.get(mac) ?? []), host.name]);
    const evidence = lbs.map(({ host, facts: f }) => `${host.name}:\n${f?.raw.get('lb-arp') ?? '(not gathered)'}`).join('\n\n');
    const fix = `Choose an unused address in the masters' subnet for the VIP (test one from an LB host: arping -c 2 -I ${lbs.find((l) => l.facts?.lb?.iface)?.facts?.lb?.iface ?? 'eth0'} <address> gets no reply), or free ${lb.vip} where it is used.`;
    if (clusterHolders.length > 0) return fail(`The virtual IP ${lb.vip} is already in use: it is an address of ${clusterHolders.join(', ')}.`, fix, evidence);
    if (strangers.size > 0) {
      const who = [...strangers].map(([mac, from]) => `${mac} (asked from ${from.join(', ')})`).join(', ');
      return fail(`The virtual IP ${lb.vip} is already in use: a machine that is not an LB host answered ARP for it: ${who}.`, fix, evidence);
    }
    if (lbHolders.length > 1) {
      return warn(
        `${lb.vip} is on ${lbHolders.join(' and ')} at once: keepalived on each thinks it is the master, which happens when VRRP between them is blocked.`,
        'See the VRRP check; when it passes, restart keepalived on the LB hosts.',
        evidence,
      );
    }
    if (asked.length === 0) {
      const why = lbs.map(({ host, facts: f }) => `${host.name}: ${f?.lb?.arp.error ?? (f ? 'no ARP probe' : 'not gathered')}`).join('; ');
      return warn(
        `Could not ask who answers on the VIP ${lb.vip} (${why}).`,
        `Make sure no machine uses ${lb.vip} (arping -c 2 -I <interface> ${lb.vip} from an LB host gets no reply).`,
        evidence,
      );
    }
    const from = asked.map(({ host, facts: f }) => `${host.name} on ${f?.lb?.iface ?? '?'}`).join(', ');
    if (lbHolders.length === 1) {
      return pass(
        `${lb.vip} is held by ${lbHolders[0]}, one of the LB hosts (the load balancer is up: a re-check after the install); no other machine answered ARP for it (asked from ${from}).`,
        evidence,
      );
    }
    return pass(`Nobody answered ARP for the virtual IP ${lb.vip} (asked from ${from}): it is free.`, evidence);
  },
};

const SLACK_MS = 300;

/** The probe's window in the wizard's clock (ms), from the host's clock and its measured offset. */
function windowOf(f: HostFacts): { start: number; end: number } | undefined {
  const v = f.lb?.vrrp;
  if (v?.startedAt === undefined || v.endedAt === undefined) return undefined;
  const offset = f.clock?.offsetMs ?? 0;
  return { start: v.startedAt * 1000 - offset, end: v.endedAt * 1000 - offset };
}

export const lbVrrpCheck: ClusterCheck = {
  id: 'lb-vrrp',
  title: 'VRRP between the LB hosts',
  run({ config, lbFacts = new Map() }) {
    const lb = internalLbOf(config);
    if (!lb || lb.hosts.length < 2) return undefined;
    const lbs = lbHostsWithFacts(lb.hosts, lbFacts);
    const arrives: string[] = [];
    const blocked: { from: LbHost; to: LbHost; text: string }[] = [];
    const untested: string[] = [];
    for (const { host: to, facts: ft } of lbs) {
      for (const { host: from, facts: ff } of lbs) {
        if (from === to) continue;
        const pair = `${from.name} → ${to.name}`;
        const vt = ft?.lb?.vrrp;
        const vf = ff?.lb?.vrrp;
        const heard = vt?.heard.get(from.ip);
        if (heard) {
          arrives.push(`${pair}: arrives${heard === 'vrrp' ? " (keepalived's adverts)" : ''}`);
          continue;
        }
        const notRun = (name: string, v: typeof vt) => (v ? `${name}'s probe did not run: ${v.error ?? 'skipped'}` : `${name} was not gathered`);
        if (!vt || vt.error || vt.startedAt === undefined) {
          untested.push(`${pair}: ${notRun(to.name, vt)}`);
          continue;
        }
        if (!vf || vf.error || vf.startedAt === undefined) {
          untested.push(`${pair}: ${notRun(from.name, vf)}`);
          continue;
        }
        const sendError = vf.sendErrors.get(to.ip);
        const wt = ft && windowOf(ft);
        const wf = ff && windowOf(ff);
        if (sendError) blocked.push({ from, to, text: `${pair}: ${from.name} could not send to ${to.ip} (${sendError})` });
        else if (wt && wf && Math.min(wt.end, wf.end) - Math.max(wt.start, wf.start) < SLACK_MS)
          untested.push(`${pair}: the two probes did not run at the same time`);
        else
          blocked.push({
            from,
            to,
            text: `${pair}: nothing arrived at ${to.name} (${to.ip}) from ${from.ip} within ${Math.round(((vt.endedAt ?? vt.startedAt) - vt.startedAt) * 10) / 10} s`,
          });
      }
    }
    const evidence = lbs.map(({ host, facts: f }) => `${host.name}:\n${f?.raw.get('lb-vrrp') ?? '(not gathered)'}`).join('\n\n');
    if (blocked.length > 0) {
      const first = blocked[0];
      const peer = first?.from.ip ?? '<other LB host>';
      return fail(
        `VRRP (IP protocol 112) does not get through between the LB hosts: ${blocked.map((b) => b.text).join('; ')}.${arrives.length > 0 ? ` (${arrives.join('; ')}.)` : ''} keepalived would make every LB host the master (the VIP on each) and failover would not work.`,
        `Let IP protocol 112 from the other LB hosts in on ${unique(blocked.map((b) => b.to.name)).join(', ')} — firewalld: firewall-cmd --permanent --add-rich-rule='rule family="ipv4" source address="${peer}" protocol value="vrrp" accept' && firewall-cmd --reload; iptables: iptables -I INPUT -p vrrp -s ${peer} -j ACCEPT; nftables: nft insert rule inet filter input ip saddr ${peer} ip protocol vrrp accept — and allow protocol 112 between them in the cloud's security group.`,
        evidence,
      );
    }
    if (untested.length > 0) {
      return warn(
        `VRRP was not tested for every pair of LB hosts: ${untested.join('; ')}.${arrives.length > 0 ? ` ${arrives.join('; ')}.` : ''}`,
        "Fix the LB hosts' own checks (login, sudo, Python), then check all hosts again.",
        evidence,
      );
    }
    return pass(`VRRP (IP protocol 112) gets through between the LB hosts: ${arrives.join('; ')}.`, evidence);
  },
};
