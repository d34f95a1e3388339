/**
 * Integration: an install with the internal load balancer on real lab hosts (issue 14). 3 masters
 * (lab1 the taskbox), 2 workers, 2 dedicated LB hosts, a VIP on the lab network. The host checks
 * cover the LB hosts (their keys trusted as an operator does), the install starts through the real
 * install gate (startInstallRun, warnings acknowledged), and the builtin
 * internal-lb stage runs from the taskbox with the bundle's Ansible 2.7.6: keepalived + HAProxy in
 * their own background mode on the LB hosts (no systemd), unicast VRRP over the lab's bridge; the
 * stand-in apiserver of the masters answers through VIP:port. Then failover: keepalived stopped on
 * the LB host holding the VIP → the VIP moves to the other within seconds and the stand-in still
 * answers through it. Last, the uninstall removes the load balancer from the LB hosts. One install
 * serves every test of the file (order matters).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useLab } from '@/lab/fixture';
import { hostNamespacePids } from '@/lab/host-processes';
import { hostPaths } from '@/lab/paths';
import { hostFsPath } from '@/lab/private-fs';
import { startOperation } from '../operations/start-operation';
import { getDb } from '../db';
import { loadEnv } from '../env';
import { getInstall } from '../installs/get-install';
import { filesUnder } from '../test-support/files-under';
import { getRunView } from './run-view';
import { TASKBOX_ROOT } from './taskbox/layout';
import { startInstallRun } from '../install-gate/start-install-run';
import { getPreflightRun } from '../preflight/get-preflight';
import { startPreflight, waitForPreflight } from '../preflight/run-preflight';
import { trustLabHostKeys } from './test-support/trust-lab-keys';
import { createTaskboxInstall, finished, logOf } from './test-support/taskbox-lab';
import { measureFailover, probeVip, useInternalLb, vipHolders } from './test-support/internal-lb-lab';
import { useFreshDatabase } from '../test-support/fresh-db';

const SHARED = path.resolve(import.meta.dirname, '../../../shared/upstream/ansible-2.7.6-py27.tar.gz');
const haveShared = fs.existsSync(SHARED);
if (!haveShared) console.warn(`internal-lb.lab.test: SKIPPED — ${SHARED} is absent (Ansible 2.7.6 for the lab taskbox comes from ../shared/upstream)`);

useFreshDatabase();
const lab = useLab(7);
const cluster = () => lab.hosts.slice(0, 5);
const lbHosts = () => lab.hosts.slice(5, 7);
let installId = '';

/** Names of the keepalived and HAProxy processes running on the LB hosts (their mount namespaces). */
async function lbDaemons(): Promise<string[]> {
  const pids = await hostNamespacePids(lbHosts().map((h) => hostPaths(h.index).hostsFile));
  return pids.flatMap((pid) => {
    const comm = fs.existsSync(`/proc/${pid}/comm`) ? fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() : '';
    return comm === 'keepalived' || comm === 'haproxy' ? [comm] : [];
  });
}

describe.skipIf(!haveShared)('the internal load balancer on lab hosts', () => {
  it('an install with 3 masters, 2 workers and 2 LB hosts succeeds; the stand-in apiserver answers through VIP:port', async () => {
    installId = await createTaskboxInstall(lab.state, cluster(), 'internal-lb', (c) => useInternalLb(c, lab.state, lbHosts()));
    await trustLabHostKeys(installId, lab.state, lbHosts());
    const checkId = await startPreflight(installId);
    await waitForPreflight(checkId);
    const check = await getPreflightRun(checkId);
    const failed = [
      ...check.hosts.flatMap((h) => h.checks.filter((c) => c.status === 'fail').map((c) => `${h.name} ${c.id}: ${c.message}`)),
      ...check.cluster.checks.filter((c) => c.status === 'fail').map((c) => `cluster ${c.id}: ${c.message}`),
    ];
    expect(failed).toEqual([]);
    for (const lb of lbHosts()) {
      expect(check.hosts.find((h) => h.name === lb.name)?.checks.map((c) => [c.id, c.status])).toEqual(
        ['ssh', 'sudo', 'ip-local', 'lb-interface', 'lb-port', 'lb-packages'].map((id) => [id, 'pass']),
      );
    }
    for (const id of ['lb-vip-subnet', 'lb-vip-free', 'lb-vrrp']) expect(check.cluster.checks.find((c) => c.id === id)?.status, id).toBe('pass');
    const runId = await startInstallRun(installId, { acknowledgeWarnings: true });
    const view = await finished(runId, 600_000);
    expect(view.status, await logOf(runId)).toBe('succeeded');
    expect(view.stages.map((s) => s.name)).toContain('internal-lb');
    expect(view.stages.find((s) => s.name === 'internal-lb')?.status).toBe('succeeded');
    expect(await vipHolders(lbHosts())).toHaveLength(1);
    expect(await probeVip(2000)).toBe('ok');
    // each LB host has its own config and daemons' pid files; the VRRP password is only in keepalived.conf (0600)
    for (const h of lbHosts()) {
      const conf = hostFsPath(h.name, '/etc/keepalived/keepalived.conf');
      expect(fs.statSync(conf).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(conf, 'utf8')).toContain(`unicast_src_ip ${h.address}`);
      expect(fs.readFileSync(hostFsPath(h.name, '/etc/haproxy/haproxy.cfg'), 'utf8')).toContain(`${cluster()[0]?.address}:16443 check`);
      for (const pidFile of ['/run/ksw-haproxy.pid', '/run/ksw-keepalived.pid'])
        expect(fs.existsSync(hostFsPath(h.name, pidFile)), `${h.name} ${pidFile}`).toBe(true);
    }
    const lines = await getDb().logLine.findMany({ where: { runId } });
    expect(lines.some((l) => l.text.includes('Vr-7q2x'))).toBe(false);
  }, 700_000);

  it('a re-check after the install does not fail on what the LB itself holds: its HAProxy on the port, the VIP on one LB host, its VRRP', async () => {
    const recheckId = await startPreflight(installId);
    await waitForPreflight(recheckId);
    const recheck = await getPreflightRun(recheckId);
    const lbChecks = [
      ...recheck.hosts.filter((h) => lbHosts().some((l) => l.name === h.name)).flatMap((h) => h.checks.map((c) => ({ ...c, on: h.name }))),
      ...recheck.cluster.checks.map((c) => ({ ...c, on: '*' })),
    ].filter((c) => c.id.startsWith('lb-'));
    expect(lbChecks.filter((c) => c.status !== 'pass').map((c) => `${c.on} ${c.id}: ${c.message}`)).toEqual([]);
    for (const h of lbHosts())
      expect(recheck.hosts.find((x) => x.name === h.name)?.checks.find((c) => c.id === 'lb-port')?.message).toContain('a re-check after the install');
    expect(recheck.cluster.checks.find((c) => c.id === 'lb-vip-free')?.message).toMatch(/is held by lab\d+, one of the LB hosts/);
  }, 120_000);

  it("the VRRP password is in no log line, DB row, API view or file but the LB hosts' keepalived.conf", async () => {
    const secret = 'Vr-7q2x';
    await getDb().$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(await getDb().logLine.count({ where: { text: { contains: secret } } })).toBe(0);
    expect(await getDb().preflightResult.count({ where: { OR: [{ message: { contains: secret } }, { evidence: { contains: secret } }] } })).toBe(0);
    expect(JSON.stringify(await getInstall(installId))).not.toContain(secret);
    for (const run of await getDb().run.findMany({ where: { installId } })) expect(JSON.stringify(await getRunView(run.id))).not.toContain(secret);
    const holding = (root: string) =>
      fs.existsSync(root) ? filesUnder(root).filter((p) => fs.statSync(p).size < 50_000_000 && fs.readFileSync(p).includes(Buffer.from(secret))) : [];
    // the database holds it sealed (AES-GCM), the data dir nowhere in clear
    expect(holding(loadEnv().dataDir)).toEqual([]);
    for (const h of lab.hosts) {
      const allowed = lbHosts().includes(h) ? [hostFsPath(h.name, '/etc/keepalived/keepalived.conf')] : [];
      for (const top of ['/opt', '/root', '/tmp', '/var/tmp', '/home', '/run', '/etc/haproxy', '/etc/keepalived', TASKBOX_ROOT]) {
        expect(
          holding(hostFsPath(h.name, top)).filter((p) => !allowed.includes(p)),
          `${h.name} ${top}`,
        ).toEqual([]);
      }
    }
  }, 120_000);

  it('failover: keepalived stopped on the VIP holder → the VIP moves to the other LB host within seconds, the apiserver still answers', async () => {
    const r = await measureFailover(lbHosts());
    expect(r.to).not.toBe(r.from);
    expect(r.movedAfterMs).toBeLessThan(5_000);
    expect(r.gapMs).toBeLessThan(5_000);
    expect(await probeVip(2000)).toBe('ok');
  }, 60_000);

  it('the uninstall removes the load balancer: no keepalived or HAProxy left, their configs gone, the VIP on no host', async () => {
    expect(await lbDaemons()).toContain('haproxy');
    const runId = await startOperation(installId, { kind: 'uninstall', confirm: 'internal-lb' });
    const view = await finished(runId, 600_000);
    expect(view.status, await logOf(runId)).toBe('succeeded');
    expect(view.stages.map((s) => s.name)).toEqual(['write-config', 'reset', 'internal-lb-remove']);
    expect(await lbDaemons()).toEqual([]);
    expect(await vipHolders(lbHosts())).toEqual([]);
    for (const h of lbHosts()) {
      for (const f of ['/etc/haproxy/haproxy.cfg', '/etc/keepalived/keepalived.conf', '/run/ksw-keepalived.pid', '/run/ksw-haproxy.pid']) {
        expect(fs.existsSync(hostFsPath(h.name, f)), `${h.name} ${f}`).toBe(false);
      }
    }
    expect(await probeVip(1000)).toBeUndefined();
  }, 700_000);
});
