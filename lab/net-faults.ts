/**
 * Network faults of a lab host.
 * - `block-port`: the host's own firewall (nftables, inside its network namespace) drops TCP to one
 *   port — or VRRP, IP protocol 112 — from one other lab host or from everyone. The table
 *   `inet ksw_lab` is the fault's alone and is rewritten whole from the host's recorded rules on
 *   every change (and on `up`), so it always says exactly what state.json says; no rules → no table.
 * - `take-ip`: extra addresses on the host's eth0 (another machine on the LAN using an address).
 */
import { isIPv4 } from '../lib/config/net';
import { HOST_INTERFACE, hostAddress, hostNetns, labNetwork } from './paths';
import { run, runOk } from './run';
import type { BlockedPort } from './state';

const TABLE = 'ksw_lab';

function indexOfName(name: string): number {
  const m = /^lab(\d+)$/.exec(name);
  if (!m) throw new Error(`not a lab host name: "${name}" (expected lab1, lab2, ...)`);
  return Number(m[1]);
}

/** The nft rule of one block (pure). */
export function nftRule(b: BlockedPort): string {
  const from = b.from ? `ip saddr ${hostAddress(indexOfName(b.from))} ` : '';
  return b.port === 'vrrp' ? `${from}ip protocol vrrp drop` : `${from}tcp dport ${b.port} drop`;
}

/** The nft script that makes the table hold exactly `blocks` (pure). */
export function nftScript(blocks: readonly BlockedPort[]): string {
  return [
    `table inet ${TABLE}`,
    `delete table inet ${TABLE}`,
    `table inet ${TABLE} {`,
    '  chain input {',
    '    type filter hook input priority 0; policy accept;',
    ...blocks.map((b) => `    ${nftRule(b)}`),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Makes host `index`'s firewall drop exactly `blocks` (removes the table when there are none). */
export async function applyBlockedPorts(index: number, blocks: readonly BlockedPort[]): Promise<void> {
  const ns = hostNetns(index);
  if (blocks.length === 0) {
    const listed = await run('ip', ['netns', 'exec', ns, 'nft', 'list', 'tables']);
    if (listed.stdout.includes(`inet ${TABLE}`)) await runOk('ip', ['netns', 'exec', ns, 'nft', 'delete', 'table', 'inet', TABLE]);
    return;
  }
  await runOk('ip', ['netns', 'exec', ns, 'nft', '-f', '-'], { input: nftScript(blocks) });
}

/** Parses the fault's arguments: `<port>|vrrp [from-host]`. */
export function parseBlock(portArg: string | undefined, from: string | undefined, hosts: readonly string[]): BlockedPort {
  const port = portArg === 'vrrp' ? 'vrrp' : Number(portArg);
  if (port !== 'vrrp' && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    throw new Error(`block-port needs a port number 1-65535 or "vrrp", got ${portArg ?? 'nothing'}`);
  }
  if (from !== undefined && !hosts.includes(from)) throw new Error(`block-port: no lab host named ${from}; hosts: ${hosts.join(', ')}`);
  return from === undefined ? { port } : { port, from };
}

export const sameBlock = (a: BlockedPort, b: BlockedPort) => a.port === b.port && a.from === b.from;

/** Parses the `take-ip` / `release-ip` address argument (an IPv4 address). */
export function parseTakenAddress(arg: string | undefined): string {
  if (arg === undefined || !isIPv4(arg)) throw new Error(`take-ip / release-ip need an IPv4 address, got ${arg ?? 'nothing'}`);
  return arg;
}

/**
 * The `take-ip` fault: host `index`'s eth0 holds exactly its own address plus `addresses` (each with
 * the lab network's prefix, as another machine on the LAN would), so it answers ARP for them.
 */
export async function applyTakenAddresses(index: number, addresses: readonly string[], previous: readonly string[] = []): Promise<void> {
  const ns = hostNetns(index);
  const prefix = labNetwork().prefixLength;
  const listed = await run('ip', ['-n', ns, '-o', '-4', 'addr', 'show', 'dev', HOST_INTERFACE]);
  const present = new Set([...listed.stdout.matchAll(/inet (\d+\.\d+\.\d+\.\d+)\//g)].map((m) => m[1] ?? ''));
  for (const a of previous) if (!addresses.includes(a) && present.has(a)) await runOk('ip', ['-n', ns, 'addr', 'del', `${a}/${prefix}`, 'dev', HOST_INTERFACE]);
  for (const a of addresses) if (!present.has(a)) await runOk('ip', ['-n', ns, 'addr', 'add', `${a}/${prefix}`, 'dev', HOST_INTERFACE]);
}
