/**
 * The lab's network: a bridge in this machine's namespace with the network's `.1` address (the
 * wizard reaches the hosts through it), and per host a network namespace (`ip netns`) joined to the
 * bridge by a veth pair, the host's end named eth0 and holding the host's address, its default
 * route via the bridge. Hosts are on one real L2 segment: ARP, VRRP, ports per host, a firewall per
 * host (lab/net-faults.ts).
 *
 * Invariants:
 * - Names derive from the network (lab/paths.ts `labNetwork`), so two labs with different
 *   `KSW_LAB_ADDRESS_PREFIX` never share a bridge, a namespace or a veth.
 * - The bridge carries the lab directory as its alias (`ip link set … alias`): a bridge of the lab's
 *   name with another alias is another lab's (another checkout with the same setting), and `up`
 *   refuses it before changing anything. `state.json` records the network so `down` removes what
 *   `up` made even when the setting changed in between.
 * - `ensureHostNetwork` is idempotent and repairs a half-made host (from a crash) by remaking it.
 * - `removeLabNetwork` removes every namespace with the lab's prefix, their veths and the bridge;
 *   the caller has killed the processes inside first (a namespace lives on while a process is in it).
 */
import { readdir, readFile } from 'node:fs/promises';
import { hostAddress, hostNetns, hostVeth, HOST_INTERFACE, type LabNetwork } from './paths';
import { run, runOk } from './run';

export const NETNS_DIR = '/run/netns';

export const netnsPath = (name: string) => `${NETNS_DIR}/${name}`;

async function linkExists(name: string, netns?: string): Promise<boolean> {
  const r = await run('ip', [...(netns ? ['-n', netns] : []), 'link', 'show', 'dev', name]);
  return r.code === 0;
}

async function addressesOf(dev: string, netns?: string): Promise<string[]> {
  const r = await run('ip', [...(netns ? ['-n', netns] : []), '-o', '-4', 'addr', 'show', 'dev', dev]);
  return r.code === 0 ? [...r.stdout.matchAll(/inet (\S+)/g)].map((m) => m[1] ?? '') : [];
}

/** Throws when the lab's network is routed through another interface of this machine. */
async function assertSubnetFree(net: LabNetwork): Promise<void> {
  const r = await runOk('ip', ['-o', '-4', 'route', 'show', 'to', 'match', net.gateway]);
  const clash = r.stdout.split('\n').find((l) => l.trim() !== '' && !l.startsWith('default') && !l.includes(` dev ${net.bridge} `));
  if (clash) {
    throw new Error(
      `the lab network ${net.cidr} overlaps a network of this machine (${clash.trim()}): ` + 'choose another KSW_LAB_ADDRESS_PREFIX (e.g. 10.77.3.)',
    );
  }
}

const bridgeOwner = (net: LabNetwork) =>
  readFile(`/sys/class/net/${net.bridge}/ifalias`, 'utf8').then(
    (s) => s.trim(),
    () => undefined,
  );

/** Refuses, before anything changes, when the lab's bridge exists and belongs to another lab directory. */
export async function assertNetworkOurs(net: LabNetwork, dir: string): Promise<void> {
  if (!(await linkExists(net.bridge))) return assertSubnetFree(net);
  const owner = await bridgeOwner(net);
  if (owner === dir) return;
  throw new Error(
    `the lab network ${net.cidr} (bridge ${net.bridge}) is already another lab's (${owner || 'unknown owner'}; another checkout ` +
      `with the same KSW_LAB_ADDRESS_PREFIX?): run \`npm run lab -- down\` there, or use another KSW_LAB_ADDRESS_PREFIX and KSW_LAB_USER here`,
  );
}

/** Creates the bridge with the gateway address (call `assertNetworkOurs` first). */
export async function ensureBridge(net: LabNetwork, dir: string): Promise<void> {
  if (!(await linkExists(net.bridge))) {
    await runOk('ip', ['link', 'add', net.bridge, 'type', 'bridge', 'stp_state', '0', 'forward_delay', '0']);
    await runOk('ip', ['link', 'set', net.bridge, 'alias', dir]);
  }
  const want = `${net.gateway}/${net.prefixLength}`;
  if (!(await addressesOf(net.bridge)).includes(want)) await runOk('ip', ['addr', 'add', want, 'dev', net.bridge]);
  await runOk('ip', ['link', 'set', net.bridge, 'up']);
}

async function netnsExists(name: string): Promise<boolean> {
  return (await readdir(NETNS_DIR).catch(() => [] as string[])).includes(name);
}

/** True when the host's namespace, its eth0 with its address, and the machine-side veth on the bridge all exist. */
async function hostNetworkComplete(index: number, net: LabNetwork): Promise<boolean> {
  const ns = hostNetns(index);
  if (!(await netnsExists(ns))) return false;
  const [inside, master] = await Promise.all([addressesOf(HOST_INTERFACE, ns), run('ip', ['-o', 'link', 'show', 'dev', hostVeth(index)])]);
  return inside.includes(`${hostAddress(index)}/${net.prefixLength}`) && master.code === 0 && master.stdout.includes(` master ${net.bridge} `);
}

/** Gives lab host `index` its namespace, veth pair and address (idempotent). */
export async function ensureHostNetwork(index: number, net: LabNetwork): Promise<void> {
  if (await hostNetworkComplete(index, net)) return;
  await removeHostNetwork(index);
  const ns = hostNetns(index);
  const veth = hostVeth(index);
  await runOk('ip', ['netns', 'add', ns]);
  await runOk('ip', ['link', 'add', veth, 'type', 'veth', 'peer', 'name', HOST_INTERFACE, 'netns', ns]);
  await runOk('ip', ['link', 'set', veth, 'master', net.bridge, 'up']);
  await runOk('ip', ['-n', ns, '-batch', '-'], {
    input: [
      'link set lo up',
      `addr add ${hostAddress(index)}/${net.prefixLength} dev ${HOST_INTERFACE}`,
      `link set ${HOST_INTERFACE} up`,
      `route add default via ${net.gateway}`,
      '',
    ].join('\n'),
  });
}

/** Deletes one host's namespace (its eth0 goes with it) and the machine-side veth if left. */
export async function removeHostNetwork(index: number): Promise<void> {
  const ns = hostNetns(index);
  if (await netnsExists(ns)) await run('ip', ['netns', 'del', ns]);
  if (await linkExists(hostVeth(index))) await run('ip', ['link', 'del', hostVeth(index)]);
}

/** Pids of the processes in the lab's namespaces (sshd, port holders, daemons a test started). */
export async function netnsPids(net: LabNetwork): Promise<number[]> {
  const names = (await readdir(NETNS_DIR).catch(() => [] as string[])).filter((n) => n.startsWith(net.netnsPrefix));
  const lists = await Promise.all(names.map((n) => run('ip', ['netns', 'pids', n])));
  return lists.flatMap((r) =>
    r.stdout
      .split('\n')
      .filter((l) => /^\d+$/.test(l))
      .map(Number),
  );
}

/** Removes every namespace and veth of the lab's network, then the bridge. */
export async function removeLabNetwork(net: LabNetwork): Promise<void> {
  const names = (await readdir(NETNS_DIR).catch(() => [] as string[])).filter((n) => n.startsWith(net.netnsPrefix));
  for (const n of names) await run('ip', ['netns', 'del', n]);
  const links = await run('ip', ['-o', 'link', 'show']);
  for (const m of links.stdout.matchAll(/^\d+: ([^:@\s]+)[@:]/gm)) {
    const name = m[1] ?? '';
    if (name.startsWith(net.vethPrefix)) await run('ip', ['link', 'del', name]);
  }
  if (await linkExists(net.bridge)) await runOk('ip', ['link', 'del', net.bridge]);
}
