/**
 * Internal load balancer failover benchmark: `npm run bench:lb-failover`.
 *
 * Brings the lab up (7 hosts: lab1–3 masters with lab1 the taskbox, lab4–5 workers, lab6–7 the LB
 * hosts), installs with the internal load balancer through the app's runner (the `lab` profile,
 * the bundle's Ansible 2.7.6 on the taskbox: ../shared/upstream), then stops keepalived on the LB
 * host holding the VIP and probes VIP:port every 50 ms until the other LB host holds it and answers.
 * The last line is `failover gap: N ms`, the longest time without an answer through the VIP. A
 * throw-away data dir and database; the lab is left up (take it down with `npm run lab -- down`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrateThrowawayDatabase, useThrowawayDataDir } from './support';

const SHARED = path.resolve(import.meta.dirname, '../../shared/upstream/ansible-2.7.6-py27.tar.gz');

async function main(): Promise<void> {
  if (!fs.existsSync(SHARED)) throw new Error(`${SHARED} is absent: the lab taskbox installs Ansible 2.7.6 from it`);
  const dataDir = useThrowawayDataDir('ksw-bench-lb-');
  try {
    await migrateThrowawayDatabase();
    const { labUp } = await import('../lab/lab');
    const { createTaskboxInstall, finished, logOf } = await import('../server/runner/test-support/taskbox-lab');
    const { measureFailover, probeVip, useInternalLb, vipHolders } = await import('../server/runner/test-support/internal-lb-lab');
    const { createRun } = await import('../server/runner/create-run');
    const { disconnectDb } = await import('../server/db');

    const { state } = await labUp({ hosts: 7, owner: 'cli', log: (l) => process.stderr.write(`${l}\n`) });
    const hosts = state.hosts.slice(0, 7);
    const lbHosts = hosts.slice(5, 7);
    const t0 = Date.now();
    const installId = await createTaskboxInstall(state, hosts.slice(0, 5), 'bench-lb', (c) => useInternalLb(c, state, lbHosts));
    const runId = await createRun(installId, {});
    const view = await finished(runId, 900_000);
    if (view.status !== 'succeeded') throw new Error(`the install did not succeed (${view.status}):\n${await logOf(runId)}`);
    console.log(
      `install with the internal LB: ${Math.round((Date.now() - t0) / 1000)} s; VIP on ${(await vipHolders(lbHosts)).join(', ')}; through it: ${await probeVip(2000)}`,
    );
    const r = await measureFailover(lbHosts);
    console.log(`keepalived stopped on ${r.from}: the VIP was on ${r.to} after ${r.movedAfterMs} ms`);
    await disconnectDb();
    console.log(`failover gap: ${r.gapMs} ms`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench:lb-failover: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
