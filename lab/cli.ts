/**
 * `npm run lab -- <command>`:
 *   up [--hosts N]            start N lab hosts (default 3); prints hosts.ini on stdout
 *   down                      stop everything and remove what `up` made
 *   status                    list hosts and whether their sshd runs
 *   fault <kind> <host> [arg] see lab/faults.ts (stop, start, break-password, kbd-only, rekey,
 *                             take-port <port>, release-port [port], block-port <port|vrrp> [from-host],
 *                             unblock-port [port|vrrp] [from-host], take-ip <address>, release-ip [address],
 *                             restore, break-sudo, restore-sudo)
 * Progress and notes go to stderr so stdout can be redirected to a file; the password appears only
 * in hosts.ini (which is its purpose) and state.json.
 */
import { FAULT_KINDS, isFaultKind } from './faults';
import { labDown, labFault, labStatus, labUp } from './lab';

const err = (line: string) => process.stderr.write(`${line}\n`);

function hostsArg(args: string[]): number {
  const i = args.findIndex((a) => a === '--hosts' || a.startsWith('--hosts='));
  if (i < 0) return 3;
  const raw = args[i]?.includes('=') ? args[i]?.split('=')[1] : args[i + 1];
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`--hosts needs a whole number, got ${raw ?? 'nothing'}`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'up': {
      const t0 = Date.now();
      const r = await labUp({ hosts: hostsArg(rest), owner: 'cli', log: err });
      err(`lab: ${r.state.hosts.length} hosts (${r.started.length} started, ${r.reused.length} already running) in ${Date.now() - t0} ms`);
      if (r.message) err(`lab: ${r.message}`);
      err(`lab: user ${r.state.user}, key ${r.state.keyPath}, known_hosts ${r.state.knownHosts}, inventory ${r.state.inventory}`);
      process.stdout.write(r.inventory);
      return 0;
    }
    case 'down': {
      const r = await labDown();
      err(`lab: stopped ${r.stopped} hosts${r.removedUser ? ', removed the lab user' : ''}, cleaned the lab directory`);
      return 0;
    }
    case 'status': {
      const s = await labStatus();
      if (s.hosts.length === 0) {
        process.stdout.write(`lab is down (${s.dir})\n`);
        return 0;
      }
      for (const h of s.hosts) {
        const extra = [
          ...h.faults,
          ...h.takenPorts.map((p) => `port ${p} taken`),
          ...h.blockedPorts.map((b) => `${b} blocked`),
          ...h.takenAddresses.map((a) => `address ${a} taken`),
        ].join(', ');
        process.stdout.write(`${h.name.padEnd(7)} ${`${h.address}:${h.port}`.padEnd(17)} ${h.up ? 'up  ' : 'down'}${extra ? `  ${extra}` : ''}\n`);
      }
      return 0;
    }
    case 'fault': {
      const [kind, host, arg, arg2] = rest;
      if (kind === undefined || !isFaultKind(kind)) throw new Error(`fault kinds: ${FAULT_KINDS.join(', ')}`);
      const r = await labFault(kind, host, arg, arg2);
      err(
        r.host
          ? `lab: ${r.host.name} now: ${r.host.faults.join(', ') || 'healthy'}${r.host.takenPorts.length ? `, ports held ${r.host.takenPorts.map((t) => t.port).join(',')}` : ''}${(r.host.blockedPorts ?? []).length ? `, blocked ${(r.host.blockedPorts ?? []).map((b) => `${b.port}${b.from ? ` from ${b.from}` : ''}`).join(',')}` : ''}${(r.host.takenAddresses ?? []).length ? `, holds ${(r.host.takenAddresses ?? []).join(',')}` : ''}`
          : `lab: sudo ${r.sudoFault ? 'broken (user removed from the sudo group, all hosts)' : 'restored'}`,
      );
      return 0;
    }
    default:
      err('usage: npm run lab -- up [--hosts N] | down | status | fault <kind> <host> [arg]');
      return cmd === undefined || cmd === 'help' || cmd === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    err(`lab: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
