import { describe, expect, it } from 'vitest';
import { seedInternalLbConfig, SEED_VIP } from '@/lib/config/fixtures';
import type { InstallConfig } from '@/lib/config/schema';
import { parseGatherOutput, type HostFacts } from '../parse/facts';
import { parseArp, parseLinkMacs, parseRoutes, parseVrrp } from '../parse/lb';
import type { ClusterCheckContext, HostCheckContext } from '../types';
import { lbVipFreeCheck, lbVipSubnetCheck, lbVrrpCheck, routeTo } from './lb-cluster';
import { lbInterfaceCheck, lbPackagesCheck, lbPortCheck, WIZARD_HAPROXY_MARK } from './lb-host';

const LB1 = { ip: '192.168.0.21', mac: '02:00:00:00:00:21' };
const LB2 = { ip: '192.168.0.22', mac: '02:00:00:00:00:22' };
const STRANGER_MAC = '0a:bb:cc:dd:ee:ff';

const link = (mac: string) =>
  `1: lo: <LOOPBACK,UP> mtu 65536\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n2: eth0@if9: <BROADCAST,UP> mtu 1500\\    link/ether ${mac} brd ff:ff:ff:ff:ff:ff`;
const ipLine = (address: string, prefix = 24, iface = 'eth0') => `2: ${iface}    inet ${address}/${prefix} brd 192.168.0.255 scope global ${iface}`;
const vrrpOk = (peer: string, start = 1000) => `vrrp-start ${start}.000\nvrrp-end ${start}.250\nheard ${peer} probe`;

function gather(parts: Record<string, string | undefined>): string {
  const base: Record<string, string | undefined> = {
    os: 'ID="centos"\nVERSION_ID="7"',
    ip: ipLine(LB1.ip),
    route: 'default via 192.168.0.1 dev eth0\n192.168.0.0/24 dev eth0 proto kernel scope link src 192.168.0.21',
    ss: '',
    pkg: 'yum',
    'lb-iface': 'iface=eth0',
    'lb-link': link(LB1.mac),
    'lb-pkg': 'haproxy=installed /usr/sbin/haproxy\nkeepalived=installed /usr/sbin/keepalived',
    'lb-haproxy-cfg': '',
    'lb-arp': 'method=python sent=3 from=192.168.0.21 iface=eth0\narp-none',
    'lb-vrrp': vrrpOk(LB2.ip),
    end: '',
    ...parts,
  };
  return Object.entries(base)
    .flatMap(([k, v]) => (v === undefined ? [] : [`@@ksw:${k}\n${v}`]))
    .join('\n');
}

const facts = (parts: Record<string, string | undefined> = {}): HostFacts => parseGatherOutput(gather(parts), true);
const lb1 = (parts: Record<string, string> = {}) => facts(parts);
const lb2 = (parts: Record<string, string> = {}) => facts({ ip: ipLine(LB2.ip), 'lb-link': link(LB2.mac), 'lb-vrrp': vrrpOk(LB1.ip), ...parts });

function hostCtx(parts: Record<string, string> = {}, config: InstallConfig = seedInternalLbConfig()): HostCheckContext {
  const lb = config.loadBalancer.kind === 'internal' ? config.loadBalancer.hosts[0] : undefined;
  if (!lb) throw new Error('internal LB');
  const host = { ...lb, taskbox: false, roles: { master: false, etcd: false, worker: false }, lbHost: true as const };
  return { host, config, facts: lb1(parts), minimums: 'enforce' as const };
}

const NO_LB_PART = Object.fromEntries(['lb-iface', 'lb-link', 'lb-pkg', 'lb-haproxy-cfg', 'lb-arp', 'lb-vrrp'].map((k) => [k, undefined]));
const masterFacts = (n: number, parts: Record<string, string> = {}) => facts({ ...NO_LB_PART, ip: ipLine(`192.168.0.${n}`), ...parts });

function clusterCtx(
  lbFacts: [HostFacts | undefined, HostFacts | undefined],
  opts: { config?: InstallConfig; masters?: Record<string, string> } = {},
): ClusterCheckContext {
  const config = opts.config ?? seedInternalLbConfig();
  const lb = new Map<string, HostFacts>();
  if (lbFacts[0]) lb.set('lb1', lbFacts[0]);
  if (lbFacts[1]) lb.set('lb2', lbFacts[1]);
  const cluster = new Map([1, 2, 3].map((n) => [`master${n}`, masterFacts(n, opts.masters ?? {})]));
  return { config, facts: cluster, lbFacts: lb, minimums: 'enforce' as const, tcpProbe: () => Promise.reject(new Error('no TCP probes here')) };
}

describe('parsing the LB host sections', () => {
  it('ARP: python replies, iputils arping, ip neigh, a probe that could not run', () => {
    expect(parseArp(`method=python sent=3\narp-reply ${STRANGER_MAC}\narp-reply ${LB2.mac}`)).toEqual({
      method: 'python',
      replies: [STRANGER_MAC, LB2.mac].sort(),
    });
    expect(
      parseArp('method=arping\nARPING 192.168.0.10 from 192.168.0.21 eth0\nUnicast reply from 192.168.0.10 [0A:BB:CC:DD:EE:FF]  0.712ms\nSent 2 probes')
        .replies,
    ).toEqual([STRANGER_MAC]);
    expect(parseArp(`method=neigh\n192.168.0.10 lladdr ${STRANGER_MAC} REACHABLE`).replies).toEqual([STRANGER_MAC]);
    expect(parseArp('method=neigh\n192.168.0.10 FAILED').replies).toEqual([]);
    expect(parseArp('arp-skipped no interface holds 192.168.0.21')).toEqual({ replies: [], error: 'no interface holds 192.168.0.21' });
    expect(parseArp('arp-error [Errno 1] Operation not permitted').error).toBe('[Errno 1] Operation not permitted');
  });
  it('VRRP: heard, missed, send errors, a probe that could not run', () => {
    const v = parseVrrp('vrrp-start 10.5\nvrrp-end 18.5\nheard 10.0.0.2 vrrp\nmissed 10.0.0.3\nsend-error 10.0.0.3 [Errno 113] No route to host');
    expect(v).toMatchObject({ startedAt: 10.5, endedAt: 18.5, missed: ['10.0.0.3'] });
    expect([...v.heard]).toEqual([['10.0.0.2', 'vrrp']]);
    expect(v.sendErrors.get('10.0.0.3')).toBe('[Errno 113] No route to host');
    expect(parseVrrp('vrrp-error no python on the host').error).toBe('no python on the host');
    expect(parseVrrp('').error).toMatch(/printed nothing/);
  });
  it('MACs of `ip -o link`, routes of `ip -4 route`', () => {
    expect([...parseLinkMacs(link(LB1.mac))]).toEqual([['eth0', LB1.mac]]);
    const routes = parseRoutes('default via 10.0.0.1 dev eth0 proto dhcp\n10.0.0.0/24 dev eth0 scope link\n10.9.0.7 via 10.0.0.9 dev eth0');
    expect(routes).toEqual([
      { destination: 'default', via: '10.0.0.1', dev: 'eth0' },
      { destination: '10.0.0.0/24', dev: 'eth0' },
      { destination: '10.9.0.7/32', via: '10.0.0.9', dev: 'eth0' },
    ]);
    expect(routeTo(routes, '10.0.0.50')?.destination).toBe('10.0.0.0/24');
    expect(routeTo(routes, '10.9.0.7')?.via).toBe('10.0.0.9');
    expect(routeTo(routes, '172.16.0.1')?.destination).toBe('default');
    expect(routeTo(routes.slice(1), '172.16.0.1')).toBeUndefined();
  });
  it('a host without the LB part has no LB facts', () => {
    expect(masterFacts(1).lb).toBeUndefined();
  });
});

describe("an LB host's checks", () => {
  it("the VRRP interface: shown when it holds the VIP's subnet, failing when the VIP is outside it or no interface holds the IP", () => {
    expect(lbInterfaceCheck.run(hostCtx())).toMatchObject({
      status: 'pass',
      message: `eth0 holds ${LB1.ip}/24, the subnet of the VIP ${SEED_VIP}: keepalived adds the VIP to eth0.`,
    });
    const outside = seedInternalLbConfig();
    if (outside.loadBalancer.kind === 'internal') outside.loadBalancer.vip = '192.168.1.10';
    expect(lbInterfaceCheck.run(hostCtx({}, outside))).toMatchObject({
      status: 'fail',
      message: expect.stringContaining("outside the subnet of lb1's VRRP interface eth0 (192.168.0.0/24)"),
      hint: expect.stringContaining('Choose a VIP in 192.168.0.0/24'),
    });
    expect(lbInterfaceCheck.run(hostCtx({ 'lb-iface': 'iface=' }))).toMatchObject({
      status: 'fail',
      message: expect.stringContaining(`No interface of lb1 holds its IP ${LB1.ip}`),
    });
    const named = seedInternalLbConfig();
    if (named.loadBalancer.kind === 'internal' && named.loadBalancer.hosts[0]) named.loadBalancer.hosts[0].vrrpInterface = 'bond0';
    expect(lbInterfaceCheck.run(hostCtx({ 'lb-iface': 'iface=bond0' }, named))).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('lb1 has no interface bond0'),
    });
  });
  it('the listen port: free passes, another process fails with its pid, HAProxy of ks-wizard passes, another HAProxy warns', () => {
    expect(lbPortCheck.run(hostCtx())?.status).toBe('pass');
    const taken = lbPortCheck.run(hostCtx({ ss: 'LISTEN 0 511 0.0.0.0:6443 0.0.0.0:* users:(("nginx",pid=812,fd=6))' }));
    expect(taken).toMatchObject({
      status: 'fail',
      message: 'Port 6443 on lb1 is taken by nginx (pid 812) on 0.0.0.0:6443: HAProxy cannot listen there.',
      hint: expect.stringContaining('ps -fp 812'),
    });
    const haproxy = { ss: 'LISTEN 0 4000 0.0.0.0:6443 0.0.0.0:* users:(("haproxy",pid=90,fd=7))' };
    expect(
      lbPortCheck.run(hostCtx({ ...haproxy, 'lb-haproxy-cfg': `${WIZARD_HAPROXY_MARK} of the Kubernetes API (generated; changes are overwritten)` })),
    ).toMatchObject({ status: 'pass', message: expect.stringContaining('a re-check after the install') });
    expect(lbPortCheck.run(hostCtx({ ...haproxy, 'lb-haproxy-cfg': 'global' }))).toMatchObject({
      status: 'warn',
      message: expect.stringContaining('ks-wizard did not write'),
    });
  });
  it('the packages: installed or available pass, missing from the sources fails with the fix, unknown warns', () => {
    expect(lbPackagesCheck.run(hostCtx())?.status).toBe('pass');
    expect(lbPackagesCheck.run(hostCtx({ pkg: 'apt-get', 'lb-pkg': 'haproxy=candidate 2.6.12-1\nkeepalived=installed /usr/sbin/keepalived' }))).toMatchObject({
      status: 'pass',
      message: expect.stringContaining('available from the package sources (2.6.12-1)'),
    });
    const none = lbPackagesCheck.run(hostCtx({ pkg: 'apt-get', 'lb-pkg': 'haproxy=candidate (none)\nkeepalived=candidate (none)' }));
    expect(none).toMatchObject({ status: 'fail', hint: expect.stringContaining('apt-get install -y haproxy keepalived') });
    expect(lbPackagesCheck.run(hostCtx({ 'lb-pkg': 'haproxy=unavailable yum 1\nkeepalived=available' }))).toMatchObject({
      status: 'fail',
      hint: expect.stringContaining('yum install -y haproxy'),
    });
    expect(lbPackagesCheck.run(hostCtx({ 'lb-pkg': 'haproxy=unknown no apt-cache, dnf or yum\nkeepalived=installed /usr/sbin/keepalived' }))?.status).toBe(
      'warn',
    );
    expect(lbPackagesCheck.run(hostCtx({ 'lb-pkg': 'haproxy=unknown yum info took over 8 s\nkeepalived=unknown yum info took over 8 s' }))).toMatchObject({
      status: 'warn',
      message: expect.stringContaining('haproxy: unknown (yum info took over 8 s)'),
    });
  });
  it('no LB part gathered: nothing to judge', () => {
    const c = hostCtx();
    const bare = { ...c, facts: masterFacts(1) };
    expect([lbInterfaceCheck, lbPortCheck, lbPackagesCheck].map((check) => check.run(bare))).toEqual([undefined, undefined, undefined]);
  });
});

describe("the load balancer's cluster-wide checks", () => {
  it("the VIP in the masters' subnet passes; outside it fails with the subnet found and how the masters would reach it", async () => {
    expect(await lbVipSubnetCheck.run(clusterCtx([lb1(), lb2()]))).toMatchObject({
      status: 'pass',
      message: `${SEED_VIP} is in the masters' subnet 192.168.0.0/24: every master reaches it directly.`,
    });
    const config = seedInternalLbConfig();
    if (config.loadBalancer.kind === 'internal') Object.assign(config.loadBalancer, { vip: '192.168.1.10', prefixLength: 16 });
    const r = await lbVipSubnetCheck.run(clusterCtx([lb1(), lb2()], { config }));
    expect(r).toMatchObject({
      status: 'fail',
      message: expect.stringContaining("The virtual IP 192.168.1.10 is outside the masters' subnet 192.168.0.0/24"),
      hint: expect.stringContaining('Choose a free address in 192.168.0.0/24'),
    });
    expect(r?.message).toContain('master1 (eth0 192.168.0.0/24: it reaches 192.168.1.10 only through the gateway 192.168.0.1)');
    const noRoute = await lbVipSubnetCheck.run(clusterCtx([lb1(), lb2()], { config, masters: { route: '192.168.0.0/24 dev eth0' } }));
    expect(noRoute?.message).toContain('it has no route to 192.168.1.10 at all');
  });
  it("a VIP prefix length other than the masters' netmask warns", async () => {
    const config = seedInternalLbConfig();
    if (config.loadBalancer.kind === 'internal') config.loadBalancer.prefixLength = 16;
    expect(await lbVipSubnetCheck.run(clusterCtx([lb1(), lb2()], { config }))).toMatchObject({
      status: 'warn',
      hint: 'Set the prefix length to 24 in the Load balancer step.',
    });
  });
  it('the VIP: free passes; a stranger answering fails with its MAC; a cluster host holding it fails', async () => {
    expect(await lbVipFreeCheck.run(clusterCtx([lb1(), lb2()]))).toMatchObject({ status: 'pass', message: expect.stringContaining('Nobody answered ARP') });
    const answered = { 'lb-arp': `method=python sent=3\narp-reply ${STRANGER_MAC}` };
    expect(await lbVipFreeCheck.run(clusterCtx([lb1(answered), lb2(answered)]))).toMatchObject({
      status: 'fail',
      message: `The virtual IP ${SEED_VIP} is already in use: a machine that is not an LB host answered ARP for it: ${STRANGER_MAC} (asked from lb1, lb2).`,
      hint: expect.stringContaining('Choose an unused address'),
    });
    const onMaster = await lbVipFreeCheck.run(clusterCtx([lb1(), lb2()], { masters: { ip: `${ipLine('192.168.0.1')}\n${ipLine(SEED_VIP)}` } }));
    expect(onMaster).toMatchObject({ status: 'fail', message: expect.stringContaining('it is an address of master1 (eth0)') });
    // masters as LB hosts (another listen port): after the install master1 holds the VIP as lb1
    const config = seedInternalLbConfig();
    if (config.loadBalancer.kind === 'internal' && config.loadBalancer.hosts[0])
      Object.assign(config.loadBalancer.hosts[0], { address: '192.168.0.1', ip: '192.168.0.1' });
    const lbOnMaster = lb1({ ip: `${ipLine('192.168.0.1')}\n${ipLine(SEED_VIP)}` });
    const c = clusterCtx([lbOnMaster, lb2({ 'lb-arp': `method=python sent=3\narp-reply ${LB1.mac}` })], { config });
    (c.facts as Map<string, HostFacts>).set('master1', masterFacts(1, { ip: `${ipLine('192.168.0.1')}\n${ipLine(SEED_VIP)}` }));
    expect(await lbVipFreeCheck.run(c)).toMatchObject({ status: 'pass', message: expect.stringContaining('held by lb1') });
  });
  it('a re-check after the install: the VIP on one LB host, answered by its MAC, passes; on both warns', async () => {
    const holder = lb1({ ip: `${ipLine(LB1.ip)}\n${ipLine(SEED_VIP)}` });
    const asking = lb2({ 'lb-arp': `method=python sent=3\narp-reply ${LB1.mac}` });
    expect(await lbVipFreeCheck.run(clusterCtx([holder, asking]))).toMatchObject({
      status: 'pass',
      message: expect.stringContaining(`${SEED_VIP} is held by lb1, one of the LB hosts`),
    });
    const both = lb2({ ip: `${ipLine(LB2.ip)}\n${ipLine(SEED_VIP)}` });
    expect(await lbVipFreeCheck.run(clusterCtx([holder, both]))).toMatchObject({ status: 'warn', message: expect.stringContaining('on lb1 and lb2 at once') });
  });
  it('the VIP could not be asked about (no raw socket): a warning, not a pass', async () => {
    const cannot = { 'lb-arp': 'arp-error [Errno 1] Operation not permitted' };
    expect(await lbVipFreeCheck.run(clusterCtx([lb1(cannot), lb2(cannot)]))).toMatchObject({
      status: 'warn',
      message: expect.stringContaining('Operation not permitted'),
    });
  });
  it('VRRP: both directions through pass; one blocked fails naming the direction and the firewall fix', async () => {
    expect(await lbVrrpCheck.run(clusterCtx([lb1(), lb2()]))).toMatchObject({
      status: 'pass',
      message: 'VRRP (IP protocol 112) gets through between the LB hosts: lb2 → lb1: arrives; lb1 → lb2: arrives.',
    });
    // lb1 heard lb2 but was never told it was heard: both ran the whole window
    const heardOnly = lb1({ 'lb-vrrp': `vrrp-start 1000.100\nvrrp-end 1008.100\nheard ${LB2.ip} probe` });
    const blocked = lb2({ 'lb-vrrp': `vrrp-start 1000.000\nvrrp-end 1008.000\nmissed ${LB1.ip}` });
    const r = await lbVrrpCheck.run(clusterCtx([heardOnly, blocked]));
    expect(r).toMatchObject({
      status: 'fail',
      message: expect.stringContaining(`lb1 → lb2: nothing arrived at lb2 (${LB2.ip}) from ${LB1.ip} within 8 s`),
      hint: expect.stringContaining(`iptables -I INPUT -p vrrp -s ${LB1.ip} -j ACCEPT`),
    });
    expect(r?.message).toContain('lb2 → lb1: arrives');
  });
  it("VRRP: keepalived's own adverts count; a probe that did not run, or ran at another time, warns instead of blaming a firewall", async () => {
    const adverts = lb1({ 'lb-vrrp': `vrrp-start 1000.000\nvrrp-end 1000.300\nheard ${LB2.ip} vrrp` });
    expect(await lbVrrpCheck.run(clusterCtx([adverts, lb2()]))).toMatchObject({
      status: 'pass',
      message: expect.stringContaining("lb2 → lb1: arrives (keepalived's adverts)"),
    });
    const noPython = lb2({ 'lb-vrrp': 'vrrp-error no python on the host' });
    expect(await lbVrrpCheck.run(clusterCtx([lb1({ 'lb-vrrp': `vrrp-start 1000.000\nvrrp-end 1008.000\nmissed ${LB2.ip}` }), noPython]))).toMatchObject({
      status: 'warn',
      message: expect.stringContaining("lb2's probe did not run: no python on the host"),
    });
    const early = lb1({ 'lb-vrrp': `vrrp-start 1000.000\nvrrp-end 1008.000\nmissed ${LB2.ip}` });
    const late = lb2({ 'lb-vrrp': `vrrp-start 1020.000\nvrrp-end 1028.000\nmissed ${LB1.ip}` });
    expect(await lbVrrpCheck.run(clusterCtx([early, late]))).toMatchObject({
      status: 'warn',
      message: expect.stringContaining('did not run at the same time'),
    });
    expect(await lbVrrpCheck.run(clusterCtx([lb1(), undefined]))).toMatchObject({ status: 'warn', message: expect.stringContaining('lb2 was not gathered') });
  });
  it('without an internal load balancer none of them has anything to say', async () => {
    const c = clusterCtx([lb1(), lb2()]);
    c.config.loadBalancer = { kind: 'none' };
    expect(await Promise.all([lbVipSubnetCheck, lbVipFreeCheck, lbVrrpCheck].map((check) => check.run(c)))).toEqual([undefined, undefined, undefined]);
  });
});
