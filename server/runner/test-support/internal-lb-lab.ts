/**
 * Helpers for the internal load balancer on lab hosts (the lab test and bench/lb-failover.ts): an
 * install config with 3 masters, 2 workers and 2 LB hosts around a VIP on the lab network; which LB
 * host holds the VIP (read from its network namespace); a TCP probe through VIP:port; and the
 * failover measurement (stop the holder's keepalived, probe every 50 ms).
 */
import fs from 'node:fs';
import net from 'node:net';
import type { InstallConfig } from '@/lib/config/schema';
import { hostNetns, labSpareAddress } from '@/lab/paths';
import { hostFsPath } from '@/lab/private-fs';
import { run } from '@/lab/run';
import type { LabHostState, LabState } from '@/lab/state';

export const LB_PORT = 6443;
export const lbVip = () => labSpareAddress(1);

/** Makes `config`'s load balancer the internal one on `lbHosts` (lab user, password login). */
export function useInternalLb(config: InstallConfig, state: LabState, lbHosts: readonly LabHostState[]): void {
  const password = { set: true as const, value: state.password };
  config.loadBalancer = {
    kind: 'internal',
    hosts: lbHosts.map((h) => ({
      name: h.name,
      address: h.address,
      ip: h.address,
      port: h.port,
      user: state.user,
      auth: { kind: 'password', password },
      becomePassword: password,
      vrrpInterface: '',
    })),
    vip: lbVip(),
    prefixLength: 24,
    port: LB_PORT,
    domain: 'lb.kubesphere.local',
    virtualRouterId: null,
    vrrpPassword: { set: true, value: 'Vr-7q2x' },
  };
}

/** The LB hosts whose eth0 holds the VIP right now. */
export async function vipHolders(lbHosts: readonly LabHostState[]): Promise<string[]> {
  const held = await Promise.all(
    lbHosts.map(async (h) => {
      const r = await run('ip', ['-n', hostNetns(h.index), '-o', '-4', 'addr', 'show', 'dev', 'eth0']);
      return r.stdout.includes(` ${lbVip()}/`) ? h.name : undefined;
    }),
  );
  return held.filter((n): n is string => n !== undefined);
}

/** What answers on VIP:port within `timeoutMs`: the stand-in apiserver says "ok"; undefined when nothing does. */
export function probeVip(timeoutMs = 500): Promise<string | undefined> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: lbVip(), port: LB_PORT });
    let got = '';
    const done = (v: string | undefined) => {
      clearTimeout(timer);
      sock.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    sock.on('data', (d: Buffer) => {
      got += d.toString();
      if (got.includes('\n')) done(got.trim());
    });
    sock.on('error', () => done(undefined));
    sock.on('close', () => done(got ? got.trim() : undefined));
  });
}

/** The pid of keepalived's main process on a lab LB host (its pid file in the host's private /run). */
export function keepalivedPid(host: LabHostState): number {
  const pid = Number(fs.readFileSync(hostFsPath(host.name, '/run/ksw-keepalived.pid'), 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no keepalived pid on ${host.name}`);
  return pid;
}

export interface FailoverResult {
  from: string;
  to: string;
  /** The longest time without an answer through the VIP, in ms. */
  gapMs: number;
  /** ms from stopping keepalived until the other LB host held the VIP. */
  movedAfterMs: number;
}

/**
 * Stops keepalived (SIGTERM, as `systemctl stop` does) on the LB host holding the VIP, probes
 * VIP:port every 50 ms until the other host holds it and answered for `settleMs`, and measures the
 * longest stretch without an answer.
 */
export async function measureFailover(lbHosts: readonly LabHostState[], opts: { timeoutMs?: number; settleMs?: number } = {}): Promise<FailoverResult> {
  const [from, ...more] = await vipHolders(lbHosts);
  if (!from || more.length > 0) throw new Error(`the VIP must be on exactly one LB host before failover (on: ${[from, ...more].join(', ') || 'none'})`);
  const holder = lbHosts.find((h) => h.name === from);
  if (!holder) throw new Error(`${from} is not an LB host`);
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const settleMs = opts.settleMs ?? 2_000;
  const t0 = Date.now();
  process.kill(keepalivedPid(holder), 'SIGTERM');
  let lastAnswer = t0;
  let gapMs = 0;
  let movedAt: number | undefined;
  let to = '';
  while (Date.now() - t0 < timeoutMs) {
    const started = Date.now();
    const answer = await probeVip(300);
    const now = Date.now();
    if (answer === 'ok') {
      gapMs = Math.max(gapMs, now - lastAnswer);
      lastAnswer = now;
    }
    if (movedAt === undefined) {
      const holders = await vipHolders(lbHosts);
      if (holders.length === 1 && holders[0] !== from) {
        movedAt = Date.now();
        to = holders[0] ?? '';
      }
    } else if (lastAnswer > movedAt && now - movedAt >= settleMs) {
      return { from, to, gapMs, movedAfterMs: movedAt - t0 };
    }
    await new Promise((r) => setTimeout(r, Math.max(0, 50 - (Date.now() - started))));
  }
  throw new Error(
    `the VIP did not move to the other LB host with answers through it within ${timeoutMs} ms ` +
      `(holders now: ${(await vipHolders(lbHosts)).join(', ') || 'none'}; longest gap so far ${Math.max(gapMs, Date.now() - lastAnswer)} ms)`,
  );
}
