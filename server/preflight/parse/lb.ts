/** The internal LB host's gather sections (lb-gather-script.ts) and `ip -4 route show`. Pure. */
import { parseKeyValues } from './sections';

export type LbPackage =
  | { state: 'installed'; path: string }
  /** apt-cache policy's candidate, dnf/yum info found it ('available'), or the sources lack it. */
  | { state: 'available'; version?: string }
  | { state: 'unavailable'; detail: string }
  | { state: 'unknown'; detail: string };

export interface ArpProbe {
  /** python | arping | neigh; undefined when the probe did not run. */
  method?: string;
  /** MACs that answered for the VIP (lower case). */
  replies: string[];
  /** Why the probe did not run or failed (no interface, no raw socket). */
  error?: string;
}

export interface VrrpProbe {
  /** Epoch seconds on the host's clock. */
  startedAt?: number;
  endedAt?: number;
  /** Peer IP → what arrived from it: the probe's own packets, or a VRRP advert (a running keepalived). */
  heard: Map<string, 'probe' | 'vrrp'>;
  missed: string[];
  sendErrors: Map<string, string>;
  /** The probe did not run (no python, no raw socket, no other LB host). */
  error?: string;
  skipped?: boolean;
}

export interface LbFacts {
  /** The VRRP interface: configured, or the one holding the LB host's IP; '' when none does. */
  iface: string;
  /** Interface → MAC. */
  macs: Map<string, string>;
  packages: Map<string, LbPackage>;
  /** The first line of /etc/haproxy/haproxy.cfg ('' when there is none). */
  haproxyConfigHead: string;
  arp: ArpProbe;
  vrrp: VrrpProbe;
}

export interface Route {
  /** 'default' or a.b.c.d/n */
  destination: string;
  via?: string;
  dev?: string;
}

/** `default via 10.0.0.1 dev eth0`, `10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.5`. */
export function parseRoutes(text: string): Route[] {
  const out: Route[] = [];
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    const destination = cols[0];
    if (!destination || !(destination === 'default' || /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(destination))) continue;
    const at = (key: string) => {
      const i = cols.indexOf(key);
      return i >= 0 ? cols[i + 1] : undefined;
    };
    out.push({ destination: destination.includes('/') || destination === 'default' ? destination : `${destination}/32`, via: at('via'), dev: at('dev') });
  }
  return out;
}

/** `2: eth0@if7: <…> … link/ether aa:bb:cc:dd:ee:ff brd …` → eth0 → aa:bb:… */
export function parseLinkMacs(text: string): Map<string, string> {
  const macs = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\d+:\s+([^:@\s]+)[@:].*?link\/ether\s+([0-9a-f:]{17})/i.exec(line.trim());
    if (m) macs.set(m[1], m[2].toLowerCase());
  }
  return macs;
}

function parsePackage(text: string): LbPackage {
  const [word = '', ...rest] = text.trim().split(/\s+/);
  const detail = rest.join(' ');
  switch (word) {
    case 'installed':
      return { state: 'installed', path: detail };
    case 'candidate':
      return detail === '(none)' || detail === ''
        ? { state: 'unavailable', detail: 'apt-cache policy: Candidate: (none)' }
        : { state: 'available', version: detail };
    case 'available':
      return { state: 'available' };
    case 'unavailable':
      return { state: 'unavailable', detail: `${rest[0] ?? 'yum'} info exited with ${rest[1] ?? '?'}` };
    default:
      return { state: 'unknown', detail: detail || text.trim() || 'not looked at' };
  }
}

const MAC = /([0-9a-f]{2}(?::[0-9a-f]{2}){5})/i;

/** The `lb-arp` section in any of its three forms. */
export function parseArp(text: string): ArpProbe {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const first = lines[0] ?? '';
  if (first.startsWith('arp-skipped')) return { replies: [], error: first.replace(/^arp-skipped\s*/, '') };
  const error = lines.find((l) => l.startsWith('arp-error'));
  if (error) return { method: 'python', replies: [], error: error.replace(/^arp-error\s*/, '') };
  const method = /^method=(\S+)/.exec(first)?.[1];
  if (!method) return { replies: [], error: first || 'the ARP probe printed nothing' };
  const replies = new Set<string>();
  for (const l of lines.slice(1)) {
    // python: "arp-reply aa:…"; iputils arping: "Unicast reply from 10.0.0.5 [AA:…]  0.7ms";
    // ip neigh: "10.0.0.5 lladdr aa:… REACHABLE" (FAILED / INCOMPLETE entries carry no lladdr)
    const hit =
      method === 'python' ? l.startsWith('arp-reply') : method === 'arping' ? /reply from/i.test(l) : / lladdr /.test(l) && !/FAILED|INCOMPLETE/.test(l);
    const mac = hit ? MAC.exec(l)?.[1] : undefined;
    if (mac) replies.add(mac.toLowerCase());
  }
  return { method, replies: [...replies].sort() };
}

export function parseVrrp(text: string): VrrpProbe {
  const probe: VrrpProbe = { heard: new Map(), missed: [], sendErrors: new Map() };
  for (const raw of text.split('\n')) {
    const l = raw.trim();
    const [word = '', a = '', ...rest] = l.split(/\s+/);
    if (word === 'vrrp-start') probe.startedAt = Number(a);
    else if (word === 'vrrp-end') probe.endedAt = Number(a);
    else if (word === 'heard') probe.heard.set(a, rest[0] === 'vrrp' ? 'vrrp' : 'probe');
    else if (word === 'missed') probe.missed.push(a);
    else if (word === 'send-error') probe.sendErrors.set(a, rest.join(' '));
    else if (word === 'vrrp-error') probe.error = l.replace(/^vrrp-error\s*/, '');
    else if (word === 'vrrp-skipped') probe.skipped = true;
  }
  if (probe.startedAt === undefined && !probe.error && !probe.skipped)
    probe.error = text.trim() ? `unexpected output: ${text.trim().split('\n').slice(-1)[0]}` : 'the VRRP probe printed nothing (cut off?)';
  return probe;
}

/** undefined when the gather had no LB part (not an internal LB host). */
export function parseLbFacts(raw: ReadonlyMap<string, string>): LbFacts | undefined {
  if (!raw.has('lb-iface')) return undefined;
  const section = (name: string) => raw.get(name) ?? '';
  const packages = new Map<string, LbPackage>();
  for (const [name, text] of parseKeyValues(section('lb-pkg'))) packages.set(name, parsePackage(text));
  return {
    iface: parseKeyValues(section('lb-iface')).get('iface') ?? '',
    macs: parseLinkMacs(section('lb-link')),
    packages,
    haproxyConfigHead: section('lb-haproxy-cfg').split('\n')[0]?.trim() ?? '',
    arp: parseArp(section('lb-arp')),
    vrrp: parseVrrp(section('lb-vrrp')),
  };
}
