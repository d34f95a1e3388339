/**
 * Preflight benchmark: `npm run bench:preflight [-- --sizes 10,50,100 --login user-key|user-password|root-key --no-ansible]`.
 *
 * For each size N it brings the lab up to N hosts (lab/lab.ts, additive), runs the full per-host
 * preflight through the app's own code path (runHostChecks: one SSH connection per host, clock +
 * sudo, gather script, fsync on etcd members, every catalog check; the first host is the taskbox,
 * which also looks at the installer bundle and its Ansible and probes every host's SSH port) with the app's fan-out
 * (DEFAULT_FAN_OUT), and prints wall time, hosts/s and peak RSS. Then, on the same hosts,
 * `ansible all -m setup -f N` (key auth, the lab's known_hosts, a fresh ControlPath dir) and the ratio.
 * The database is not used (the app adds one insert per host batch). The lab is left up.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { labUp } from '../lab/lab';
import type { LabHostState, LabState } from '../lab/state';
import { DEFAULT_FAN_OUT, mapLimit } from '../server/ssh';
import { runHostChecks } from '../server/preflight/run-host-checks';
import { labConfig, type LabLoginKind } from '../server/preflight/testing/lab-config';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const sizes = (arg('sizes') ?? '10,50,100')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const login = (arg('login') ?? 'user-key') as LabLoginKind;
const withAnsible = !process.argv.includes('--no-ansible');

const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function runPreflight(state: LabState, hosts: LabHostState[]): Promise<{ ms: number; ok: number; failed: string[]; checks: number }> {
  const config = labConfig(state, hosts, login, { taskbox: 0 });
  const t0 = performance.now();
  // pinned to the keys the lab hosts serve, as the app pins to the keys the operator trusted
  const served = new Map(hosts.map((h) => [h.name, { algorithm: h.hostKeyAlgorithm, fingerprint: h.hostKeyFingerprint }]));
  const results = await mapLimit(config.hosts, DEFAULT_FAN_OUT, (host) =>
    runHostChecks(host, { config, expectedHostKey: served.get(host.name), onResults: () => undefined }),
  );
  const ms = performance.now() - t0;
  const failed = results.flatMap((r) =>
    r.outcomes.filter((o) => (o.id === 'ssh' || o.id === 'sudo' || o.id === 'gather') && o.status === 'fail').map((o) => `${o.host} ${o.id}: ${o.message}`),
  );
  return { ms, ok: results.filter((r) => r.facts !== undefined).length, failed, checks: results.reduce((n, r) => n + r.outcomes.length, 0) };
}

function runAnsible(state: LabState, hosts: LabHostState[]): Promise<{ ms: number; ok: number; code: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ksw-bench-ansible-'));
  const inv = path.join(dir, 'hosts.ini');
  writeFileSync(
    inv,
    [
      '[all]',
      ...hosts.map(
        (h) => `${h.name} ansible_host=${h.address} ansible_port=${h.port} ansible_user=${state.user} ansible_ssh_private_key_file=${state.keyPath}`,
      ),
      '',
    ].join('\n'),
  );
  const env = {
    ...process.env,
    ANSIBLE_HOME: path.join(dir, 'home'),
    ANSIBLE_LOCAL_TEMP: path.join(dir, 'tmp'),
    ANSIBLE_SSH_CONTROL_PATH_DIR: path.join(dir, 'cp'),
    ANSIBLE_PYTHON_INTERPRETER: '/usr/bin/python3',
    ANSIBLE_SSH_ARGS: `-o ControlMaster=auto -o ControlPersist=60s -o UserKnownHostsFile=${state.knownHosts} -o StrictHostKeyChecking=yes`,
    ANSIBLE_HOST_KEY_CHECKING: 'True',
    ANSIBLE_NOCOLOR: '1',
  };
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn('ansible', ['all', '-i', inv, '-m', 'setup', '-f', String(hosts.length)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let ok = 0;
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      ok += lines.filter((l) => / \| SUCCESS =>/.test(l)).length;
    });
    child.stderr.resume();
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ ms: performance.now() - t0, ok, code: code ?? -1 });
    });
  });
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  console.log(`preflight bench: login=${login}, fan-out ${DEFAULT_FAN_OUT} (the app's), ${os.cpus().length} CPUs, node ${process.version}`);
  for (const n of sizes) {
    const { state } = await labUp({ hosts: n });
    const hosts = state.hosts.filter((h) => h.faults.length === 0 && h.takenPorts.length === 0).slice(0, n);
    if (hosts.length < n) console.log(`  only ${hosts.length} healthy lab hosts (others carry faults from tests)`);
    const pre = await runPreflight(state, hosts);
    const line = `N=${String(hosts.length).padStart(3)}  preflight ${s(pre.ms)}  ${(hosts.length / (pre.ms / 1000)).toFixed(1)} hosts/s  ${pre.ok}/${hosts.length} hosts gathered, ${pre.checks} results  peak RSS ${rssMb()} MB`;
    console.log(line);
    for (const f of pre.failed.slice(0, 5)) console.log(`    ${f}`);
    if (withAnsible) {
      const a = await runAnsible(state, hosts);
      console.log(`        ansible -m setup -f ${hosts.length}: ${s(a.ms)} (${a.ok}/${hosts.length} ok, exit ${a.code})  ratio ${(a.ms / pre.ms).toFixed(1)}x`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
