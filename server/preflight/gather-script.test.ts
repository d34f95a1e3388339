import { execFile } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherArgv } from './gather-script';
import { lbGatherArgs } from './lb-gather-script';
import { parseGatherOutput } from './parse/facts';

function run(argv: string[]): Promise<string> {
  const [file, ...args] = argv;
  return new Promise((resolve, reject) => {
    execFile(file ?? 'sh', args, { timeout: 20_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('the gather script, run for real on this machine', () => {
  const server = net.createServer((c) => c.destroy());
  let open = 0;
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    open = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('probes an open and a closed port in parallel and reports each', async () => {
    const closed = await freePort();
    const targets = [`127.0.0.1:${open}`, `127.0.0.1:${closed}`];
    const facts = parseGatherOutput(await run(gatherArgv(targets)), false, targets);
    expect(facts.complete).toBe(true);
    expect(facts.probes.map((p) => [p.target, p.kind])).toEqual(
      expect.arrayContaining([
        [`127.0.0.1:${open}`, 'open'],
        [`127.0.0.1:${closed}`, 'refused'],
      ]),
    );
    expect(facts.probes).toHaveLength(2);
  });

  it('names the process behind a needed port only when one is taken', async () => {
    const root = process.getuid?.() === 0;
    const taken = parseGatherOutput(await run(gatherArgv([], { ports: [await freePort(), open] })), root, []);
    const listener = taken.listeners.find((l) => l.port === open);
    expect(listener?.address).toBe('127.0.0.1');
    if (root) expect(listener?.process).toBe('node');
    const free = parseGatherOutput(await run(gatherArgv([], { ports: [await freePort()] })), root, []);
    expect(free.listeners.find((l) => l.port === open)?.process).toBeUndefined();
    expect(free.listeners.some((l) => l.port === open)).toBe(true);
  });

  it("an LB host's gather runs its LB part (interface, packages, ARP and VRRP probes) and still the probes after it", async () => {
    const root = process.getuid?.() === 0;
    const lb = lbGatherArgs({ vip: '127.0.0.254', vrrpInterface: '', ip: '127.0.0.1', peers: [] });
    const facts = parseGatherOutput(await run(gatherArgv([`127.0.0.1:${open}`], { lb })), root, [`127.0.0.1:${open}`]);
    expect(facts.complete).toBe(true);
    expect(facts.lb?.iface).toBe('lo');
    expect([...(facts.lb?.packages.keys() ?? [])]).toEqual(['haproxy', 'keepalived']);
    expect(facts.lb?.vrrp.skipped).toBe(true);
    if (root) expect(facts.lb?.arp).toEqual({ method: 'python', replies: [] });
    expect(facts.probes.map((p) => p.kind)).toEqual(['open']);
    expect(facts.routes.length).toBeGreaterThan(0);
  });
});
