/**
 * Everything one host told us, parsed: the gather script's sections plus the separately timed
 * probes (clock, fsync). Pure: built from strings, so every check can be unit-tested from text.
 */
import { parseKeyValues, splitSections } from './sections';
import { parseOsRelease, type OsRelease } from './os-release';
import { parseDf, parseMeminfo, parseNproc, parseSwaps, type DfEntry, type MemInfo, type SwapDevice } from './resources';
import { parseIpAddr, parseSs, type InterfaceAddress, type Listener } from './network';
import { parseLbFacts, parseRoutes, type LbFacts, type Route } from './lb';
import { parseNameservers, parseProbes, parsePythonVersion, type ProbeLine, type PythonVersion } from './misc';

export interface ClockSample {
  /** Host clock minus wizard clock, ms, at the midpoint of the round trip. */
  offsetMs: number;
  /** Half the round trip: the offset is known to ± this. */
  uncertaintyMs: number;
  remoteText: string;
}

export interface FsyncSample {
  /** Mean time of one synchronous 2 KiB write, ms. */
  perWriteMs: number;
  writes: number;
  output: string;
}

export interface HostFacts {
  /** The raw section texts, for evidence. */
  raw: ReadonlyMap<string, string>;
  /** Whether the gather ran as root (directly or via sudo): process names of listeners are visible. */
  privileged: boolean;
  os?: OsRelease;
  arch: string;
  init: string;
  hostname: string;
  cpus?: number;
  mem?: MemInfo;
  swaps: SwapDevice[];
  disks: DfEntry[];
  addresses: InterfaceAddress[];
  routes: Route[];
  listeners: Listener[];
  firewall: Map<string, string>;
  python: Map<string, PythonVersion | undefined>;
  tools: Map<string, boolean>;
  packageManager?: 'yum' | 'apt-get';
  leftovers: Map<string, string>;
  nameservers: string[];
  probes: ProbeLine[];
  /** An internal LB host's own facts (interface, packages, ARP and VRRP probes); undefined on other hosts. */
  lb?: LbFacts;
  /** False when the output ended early (the script was cut off). */
  complete: boolean;
  clock?: ClockSample;
  fsync?: FsyncSample;
  fsyncError?: string;
}

export function parseGatherOutput(stdout: string, privileged: boolean, probeTargets: readonly string[] = []): HostFacts {
  const raw = splitSections(stdout);
  const section = (name: string) => raw.get(name) ?? '';
  const python = new Map<string, PythonVersion | undefined>();
  for (const [name, text] of parseKeyValues(section('python'))) python.set(name, parsePythonVersion(text));
  const tools = new Map<string, boolean>();
  for (const [name, text] of parseKeyValues(section('tools'))) tools.set(name, text !== 'missing' && text !== '');
  const pkg = section('pkg').split('\n')[0]?.trim();
  return {
    raw,
    privileged,
    os: parseOsRelease(section('os')),
    arch: section('arch'),
    init: section('init'),
    hostname: section('hostname').split('\n')[0]?.trim() ?? '',
    cpus: parseNproc(section('nproc')),
    mem: parseMeminfo(section('meminfo')),
    swaps: parseSwaps(section('swaps')),
    disks: parseDf(section('df')),
    addresses: parseIpAddr(section('ip')),
    routes: parseRoutes(section('route')),
    listeners: parseSs(section('ss')),
    firewall: parseKeyValues(section('firewall')),
    python,
    tools,
    packageManager: pkg === 'yum' || pkg === 'apt-get' ? pkg : undefined,
    leftovers: parseKeyValues(section('leftovers')),
    nameservers: parseNameservers(section('resolv')),
    probes: parseProbes(section('probes'), probeTargets),
    lb: parseLbFacts(raw),
    complete: raw.has('end'),
  };
}
