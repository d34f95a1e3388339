/**
 * Integration: the host checks of the internal load balancer on real lab hosts (issue 14, "Preflight
 * for the LB"). lab hosts: the first is the cluster (one master), the next two are the LB hosts, the
 * fourth a stranger on the same network that is in no install. One preflight run per case: a clean
 * setup passes; the VIP answered by the stranger (`take-ip`), the VIP outside the masters' subnet,
 * the listen port taken on an LB host (`take-port`) and VRRP blocked between the LB hosts
 * (`block-port … vrrp`) each fail with their fix. Real ARP, real IP protocol 112 packets, real
 * listeners, real nftables.
 */
import { describe, expect, it } from 'vitest';
import { useLab } from '@/lab/fixture';
import { labFault } from '@/lab/faults';
import { labSpareAddress } from '@/lab/paths';
import type { InstallConfig } from '@/lib/config/schema';
import { createInstall } from '../installs/create-install';
import { trustLabHostKeys } from '../runner/test-support/trust-lab-keys';
import { LB_PORT, useInternalLb } from '../runner/test-support/internal-lb-lab';
import { useFreshDatabase } from '../test-support/fresh-db';
import { getPreflightRun } from './get-preflight';
import { startPreflight, waitForPreflight } from './run-preflight';
import { labConfig } from './testing/lab-config';
import type { PreflightRunView } from './view';

useFreshDatabase();
const lab = useLab(4);
const master = () => lab.host(0);
const lbHosts = () => [lab.host(1), lab.host(2)];
const stranger = () => lab.host(3);
// not labSpareAddress(1): internal-lb.lab.test's LB may hold that one on a shared lab
const VIP = () => labSpareAddress(3);

async function preflight(edit?: (c: InstallConfig) => void): Promise<PreflightRunView> {
  const config = labConfig(lab.state, [master()]);
  useInternalLb(config, lab.state, lbHosts());
  if (config.loadBalancer.kind === 'internal') config.loadBalancer.vip = VIP();
  edit?.(config);
  const { id } = await createInstall({ name: `lb-preflight-${Date.now()}`, config });
  await trustLabHostKeys(id, lab.state, [master(), ...lbHosts()]);
  const runId = await startPreflight(id);
  await waitForPreflight(runId);
  return getPreflightRun(runId);
}

const hostCheck = (v: PreflightRunView, host: string, id: string) => v.hosts.find((h) => h.name === host)?.checks.find((c) => c.id === id);
const clusterCheck = (v: PreflightRunView, id: string) => v.cluster.checks.find((c) => c.id === id);
const LB_HOST_IDS = ['ssh', 'sudo', 'ip-local', 'lb-interface', 'lb-port', 'lb-packages'];

describe('preflight of the internal load balancer on lab hosts', () => {
  it('a clean setup passes every LB check: the interface shown, the port free, the packages there, the VIP free, VRRP through', async () => {
    const v = await preflight();
    for (const h of lbHosts()) {
      expect(v.hosts.find((x) => x.name === h.name)?.checks.map((c) => [c.id, c.status])).toEqual(LB_HOST_IDS.map((id) => [id, 'pass']));
      expect(hostCheck(v, h.name, 'lb-interface')?.message).toContain(`eth0 holds ${h.address}/24`);
      expect(hostCheck(v, h.name, 'lb-packages')?.message).toMatch(/haproxy: installed .*keepalived: installed/);
    }
    for (const id of ['lb-vip-subnet', 'lb-vip-free', 'lb-vrrp']) expect(clusterCheck(v, id), id).toMatchObject({ status: 'pass' });
    expect(clusterCheck(v, 'lb-vip-free')?.message).toContain(`Nobody answered ARP for the virtual IP ${VIP()}`);
    expect(clusterCheck(v, 'lb-vrrp')?.message).toContain(`${lbHosts()[0]?.name} → ${lbHosts()[1]?.name}: arrives`);
  }, 60_000);

  it('a VIP another machine answers on fails "already in use", naming its MAC, with the fix', async () => {
    await labFault('take-ip', stranger().name, VIP());
    try {
      const v = await preflight();
      expect(clusterCheck(v, 'lb-vip-free')).toMatchObject({
        status: 'fail',
        message: expect.stringMatching(
          new RegExp(`${VIP().replace(/\./g, '\\.')} is already in use: a machine that is not an LB host answered ARP for it: [0-9a-f:]{17}`),
        ),
        hint: expect.stringContaining('Choose an unused address'),
      });
    } finally {
      await labFault('release-ip', stranger().name);
    }
  }, 60_000);

  it("a VIP outside the masters' subnet fails with the subnet found on the masters' interfaces", async () => {
    // a /16 makes the config rule agree (the master's 10.x.y.z is inside 10.x.0.0/16); the interfaces say /24
    const [a, b, c] = master().address.split('.');
    const outside = `${a}.${b}.${(Number(c) + 1) % 256}.5`;
    const v = await preflight((config) => {
      if (config.loadBalancer.kind === 'internal') Object.assign(config.loadBalancer, { vip: outside, prefixLength: 16 });
    });
    expect(clusterCheck(v, 'lb-vip-subnet')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining(`The virtual IP ${outside} is outside the masters' subnet ${a}.${b}.${c}.0/24`),
      hint: expect.stringContaining(`Choose a free address in ${a}.${b}.${c}.0/24`),
    });
    for (const h of lbHosts()) expect(hostCheck(v, h.name, 'lb-interface')?.status).toBe('fail');
  }, 60_000);

  it('the listen port taken on an LB host fails there only, naming the process', async () => {
    const [taken, other] = lbHosts();
    if (!taken || !other) throw new Error('two LB hosts leased');
    await labFault('take-port', taken.name, String(LB_PORT));
    try {
      const v = await preflight();
      expect(hostCheck(v, taken.name, 'lb-port')).toMatchObject({
        status: 'fail',
        message: expect.stringContaining(`Port ${LB_PORT} on ${taken.name} is taken by node (pid`),
        hint: expect.stringContaining('or choose another listen port'),
      });
      expect(hostCheck(v, other.name, 'lb-port')?.status).toBe('pass');
    } finally {
      await labFault('release-port', taken.name);
    }
  }, 60_000);

  it('VRRP blocked from one LB host to the other fails for that direction, with the firewall fix', async () => {
    const [from, to] = lbHosts();
    if (!from || !to) throw new Error('two LB hosts leased');
    await labFault('block-port', to.name, 'vrrp', from.name);
    try {
      const v = await preflight();
      const vrrp = clusterCheck(v, 'lb-vrrp');
      expect(vrrp).toMatchObject({
        status: 'fail',
        message: expect.stringContaining(`${from.name} → ${to.name}: nothing arrived at ${to.name} (${to.address}) from ${from.address}`),
        hint: expect.stringContaining(`protocol 112 from the other LB hosts in on ${to.name}`),
      });
      expect(vrrp?.message).not.toContain(`${to.name} → ${from.name}: nothing`);
    } finally {
      await labFault('unblock-port', to.name);
    }
  }, 60_000);
});
