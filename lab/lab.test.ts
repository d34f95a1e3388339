// The lab itself: inventory layout, status, and the port / stop faults (on its own leased hosts).
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { labFault } from './faults';
import { useLab } from './fixture';
import { renderInventory } from './inventory';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectHost } from '../server/ssh';
import { labStatus, labUp } from './lab';
import { hostAddress } from './paths';
import type { LabHostState } from './state';

const lab = useLab(2);

const fakeHosts = (n: number): LabHostState[] => Array.from({ length: n }, (_, i) => ({
  name: `lab${i + 1}`, index: i + 1, address: `127.0.0.${11 + i}`, port: 22, hostKeyAlgorithm: 'ssh-ed25519',
  hostKeyFingerprint: 'SHA256:x', faults: [], takenPorts: [],
}));

function section(ini: string, name: string): string[] {
  const lines = ini.split('\n');
  const start = lines.indexOf(`[${name}]`) + 1;
  const end = lines.findIndex((l, i) => i >= start && l === '');
  return lines.slice(start, end);
}

const canConnect = (host: string, port: number) => new Promise<boolean>((resolve) => {
  const s = net.connect({ host, port });
  s.on('connect', () => { s.destroy(); resolve(true); });
  s.on('error', () => resolve(false));
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

describe('a second lab (another checkout) on the same machine', () => {
  it('is refused before it touches the machine-wide lab user: the running lab keeps working', async () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'ksw-other-lab-'));
    const saved = process.env.KSW_LAB_DIR;
    process.env.KSW_LAB_DIR = other;
    try {
      const first = hostAddress(1).replace(/\./g, '\\.');
      await expect(labUp({ hosts: 1 })).rejects.toThrow(new RegExp(`${first}:22 is already served by another process \\(another lab in another checkout\\?`));
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
});
