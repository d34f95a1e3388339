// The lab itself: inventory layout, status, each host's own network, the port / block / stop faults
// (on its own leased hosts), and a second lab beside this one.
import { existsSync } from 'node:fs';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { labFault } from './faults';
import { useLab } from './fixture';
import { renderInventory } from './inventory';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectHost } from '../server/ssh';
import { labDown, labStatus, labUp } from './lab';
import { nftScript } from './net-faults';
import { hostNetns, labAddressPrefix, labNetwork, labUser } from './paths';
import { run } from './run';
import type { LabHostState } from './state';

const lab = useLab(2);

const fakeHosts = (n: number): LabHostState[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `lab${i + 1}`,
    index: i + 1,
    address: `127.0.0.${11 + i}`,
    port: 22,
    hostKeyAlgorithm: 'ssh-ed25519',
    hostKeyFingerprint: 'SHA256:x',
    faults: [],
    takenPorts: [],
  }));

function section(ini: string, name: string): string[] {
  const lines = ini.split('\n');
  const start = lines.indexOf(`[${name}]`) + 1;
  const end = lines.findIndex((l, i) => i >= start && l === '');
  return lines.slice(start, end);
}

const canConnect = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ host, port });
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

/** Runs a shell command as root on a lab host; returns its trimmed stdout (throws on failure). */
async function onHost(i: number, command: string): Promise<string> {
  const session = await connectHost(lab.target(i, 'root-key'));
  try {
    const r = await session.exec(['sh', '-c', command]);
    if (r.exitCode !== 0) throw new Error(`${command}: exit ${r.exitCode} ${r.stderr}`);
    return r.stdout.trim();
  } finally {
    session.close();
  }
}

/** From lab host i: "open", "refused" or "timeout" for a TCP connect to address:port (2 s). */
const probeFrom = (i: number, address: string, port: number) =>
  onHost(
    i,
    `python3 -c "
import socket
s = socket.socket(); s.settimeout(2)
try:
    s.connect(('${address}', ${port})); print('open')
except ConnectionRefusedError:
    print('refused')
except socket.timeout:
    print('timeout')
"`,
  );

describe('lab settings', () => {
  it('a loopback KSW_LAB_ADDRESS_PREFIX names a 10.x network; interface names fit in 15 characters', () => {
    const saved = process.env.KSW_LAB_ADDRESS_PREFIX;
    try {
      process.env.KSW_LAB_ADDRESS_PREFIX = '127.0.2.';
      expect(labAddressPrefix()).toBe('10.200.2.');
      expect(labNetwork()).toMatchObject({ cidr: '10.200.2.0/24', gateway: '10.200.2.1', bridge: 'k0ac802br', vethPrefix: 'k0ac802h' });
      expect(`${labNetwork().vethPrefix}244`.length).toBeLessThanOrEqual(15);
      process.env.KSW_LAB_ADDRESS_PREFIX = '10.77.3.';
      expect(labAddressPrefix()).toBe('10.77.3.');
      process.env.KSW_LAB_ADDRESS_PREFIX = '127.99.0.';
      expect(() => labAddressPrefix()).toThrow(/127\.A\.B\. needs A ≤ 55/);
    } finally {
      if (saved === undefined) delete process.env.KSW_LAB_ADDRESS_PREFIX;
      else process.env.KSW_LAB_ADDRESS_PREFIX = saved;
    }
  });

  it('block-port writes one nftables table: TCP or VRRP, from one host or everyone', () => {
    const script = nftScript([{ port: 6443, from: 'lab2' }, { port: 'vrrp' }]);
    expect(script).toContain(`ip saddr ${labAddressPrefix()}12 tcp dport 6443 drop`);
    expect(script).toContain('    ip protocol vrrp drop\n');
    expect(script.split('\n').slice(0, 2)).toEqual(['table inet ksw_lab', 'delete table inet ksw_lab']);
  });
});

describe('lab inventory', () => {
  it('renders the KubeSphere layout: 3 masters+etcd, the rest workers, fields in install.sh order', () => {
    const ini = renderInventory(fakeHosts(5), 'kswlab', 'pw');
    expect(section(ini, 'all')[0]).toBe('lab1 ansible_host=127.0.0.11 ip=127.0.0.11 ansible_user=kswlab ansible_become_pass=pw');
    expect(section(ini, 'kube-master')).toEqual(['lab1', 'lab2', 'lab3']);
    expect(section(ini, 'etcd')).toEqual(['lab1', 'lab2', 'lab3']);
    expect(section(ini, 'kube-node')).toEqual(['lab4', 'lab5']);
    expect(section(ini, 'k8s-cluster:children')).toEqual(['kube-node', 'kube-master']);
  });

  it('gives a single host every role, and 2 hosts one master + one worker', () => {
    const one = renderInventory(fakeHosts(1), 'u', 'p');
    expect([section(one, 'kube-master'), section(one, 'kube-node'), section(one, 'etcd')]).toEqual([['lab1'], ['lab1'], ['lab1']]);
    const two = renderInventory(fakeHosts(2), 'u', 'p');
    expect([section(two, 'kube-master'), section(two, 'kube-node')]).toEqual([['lab1'], ['lab2']]);
  });
});

describe('lab hosts', () => {
  it('are up with distinct host keys and a 0600 state file', async () => {
    const status = await labStatus();
    for (const h of lab.hosts) expect(status.hosts.find((s) => s.name === h.name)?.up).toBe(true);
    expect(new Set(lab.state.hosts.map((h) => h.hostKeyFingerprint)).size).toBe(lab.state.hosts.length);
    const { statSync } = await import('node:fs');
    expect(statSync(`${lab.state.dir}/state.json`).mode & 0o777).toBe(0o600);
  });

  it('each has its own network: eth0 with its address, its own listeners, the other host over the bridge', async () => {
    const [a, b] = [lab.host(0), lab.host(1)];
    expect(await onHost(0, 'ip -o -4 addr show dev eth0')).toContain(`inet ${a.address}/24`);
    expect(await onHost(0, 'ls /sys/class/net | sort | tr "\\n" " "')).toBe('eth0 lo');
    await labFault('take-port', b.name, '7070');
    try {
      // the listener is in b's namespace only: a has no such socket, and reaches it over the bridge
      expect(await onHost(0, 'ss -Hltn "sport = :7070" | wc -l')).toBe('0');
      expect(await probeFrom(0, b.address, 7070)).toBe('open');
      expect(await probeFrom(0, b.address, 7071)).toBe('refused');
    } finally {
      await labFault('release-port', b.name, '7070');
    }
  });

  it('block-port drops one port from one host (timeout), others still reach it; restore lifts it', async () => {
    const [a, b] = [lab.host(0), lab.host(1)];
    await labFault('take-port', a.name, '7080');
    await labFault('block-port', a.name, '7080', b.name);
    expect(await probeFrom(1, a.address, 7080)).toBe('timeout');
    expect(await canConnect(a.address, 7080)).toBe(true); // from the machine, through the bridge
    expect((await labStatus()).hosts.find((h) => h.name === a.name)?.blockedPorts).toEqual([`7080 from ${b.name}`]);
    await labFault('restore', a.name);
    expect(await onHost(0, 'nft list tables')).toBe('');
    await labFault('take-port', a.name, '7080');
    try {
      expect(await probeFrom(1, a.address, 7080)).toBe('open');
    } finally {
      await labFault('release-port', a.name, '7080');
    }
  });

  it('take-port holds a port until released; stop/start toggle sshd', async () => {
    const h = lab.host(0);
    await labFault('take-port', h.name, '6443');
    expect(await canConnect(h.address, 6443)).toBe(true);
    await labFault('release-port', h.name, '6443');
    await new Promise((r) => setTimeout(r, 100));
    expect(await canConnect(h.address, 6443)).toBe(false);
    await labFault('stop', h.name);
    expect(await canConnect(h.address, 22)).toBe(false);
    expect((await labStatus()).hosts.find((s) => s.name === h.name)).toMatchObject({ up: false, faults: ['stopped'] });
    await labFault('start', h.name);
    expect(await canConnect(h.address, 22)).toBe(true);
  });
});

/** Runs `fn` with these environment variables set, restoring them after. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('a second lab (another checkout) on the same machine', () => {
  it('with the same settings is refused before it touches the machine-wide lab user: the running lab keeps working', async () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'ksw-other-lab-'));
    const saved = process.env.KSW_LAB_DIR;
    process.env.KSW_LAB_DIR = other;
    try {
      const net = labNetwork();
      await expect(labUp({ hosts: 1 })).rejects.toThrow(
        `the lab network ${net.cidr} (bridge ${net.bridge}) is already another lab's (${lab.state.dir}; another checkout`,
      );
    } finally {
      if (saved === undefined) delete process.env.KSW_LAB_DIR;
      else process.env.KSW_LAB_DIR = saved;
      rmSync(other, { recursive: true, force: true });
    }
    // the lab user's password (login and sudo) is still this lab's
    const session = await connectHost(lab.target(0, 'user-password'));
    try {
      const r = await session.exec(['id', '-u'], { sudo: true });
      expect(r.stdout.trim()).toBe('0');
    } finally {
      session.close();
    }
  });

  it('with its own settings runs beside this one, and its `down` removes all it made (namespaces, veths, bridge, user)', async () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'ksw-second-lab-'));
    // a network no other lab of this machine uses: 127.1.<this lab's third octet>. → 10.201.<same>.
    const third = labAddressPrefix().split('.')[2] ?? '0';
    const vars = { KSW_LAB_DIR: other, KSW_LAB_ADDRESS_PREFIX: `127.1.${third}.`, KSW_LAB_USER: `${labUser()}b` };
    try {
      await withEnv(vars, async () => {
        const net = labNetwork();
        const up = await labUp({ hosts: 2 });
        expect(up.state.hosts.map((h) => h.address)).toEqual([`10.201.${third}.11`, `10.201.${third}.12`]);
        expect(await canConnect(up.state.hosts[1]?.address ?? '', 22)).toBe(true);
        expect(await canConnect(lab.host(0).address, 22)).toBe(true); // the first lab is untouched
        await labDown();
        expect((await run('ip', ['link', 'show', 'dev', net.bridge])).code).not.toBe(0);
        expect((await run('ip', ['-o', 'link', 'show'])).stdout).not.toContain(net.vethPrefix);
        expect(existsSync(`/run/netns/${hostNetns(1)}`)).toBe(false);
        expect((await run('id', [vars.KSW_LAB_USER])).code).not.toBe(0);
      });
    } finally {
      await withEnv(vars, () => labDown()).catch(() => undefined);
      rmSync(other, { recursive: true, force: true });
    }
    expect(await canConnect(lab.host(0).address, 22)).toBe(true);
  });
});
