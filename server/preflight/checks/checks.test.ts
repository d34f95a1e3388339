import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultHost } from '@/lib/config/defaults';
import type { Host, InstallConfig } from '@/lib/config/schema';
import { parseGatherOutput, type HostFacts } from '../parse/facts';
import type { HostCheckContext } from '../types';
import { cidrCheck, hostnamesUniqueCheck, resourcesTotalCheck } from './cluster';
import { clusterNetworkCheck, firewallCheck, ipLocalCheck, portsCheck } from './network';
import { cpuMemoryCheck, diskCheck, swapCheck } from './resources';
import { hostnameCheck, leftoversCheck, osCheck, pythonCheck, toolsCheck } from './system';
import { clockCheck } from './timing';

const CENTOS = 'ID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"\nPRETTY_NAME="CentOS Linux 7 (Core)"';

function gather(parts: Record<string, string>): string {
  const base: Record<string, string> = {
    os: CENTOS,
    arch: 'x86_64',
    init: 'systemd',
    hostname: 'master1',
    nproc: '4',
    meminfo: 'MemTotal: 8000000 kB',
    swaps: 'Filename Type Size Used Priority',
    df: '/dev/sda1 104857600 1000 100000000 1% /',
    ip: '2: eth0    inet 192.168.0.2/24 brd 192.168.0.255 scope global eth0',
    ss: '',
    firewall: 'firewalld=inactive\nufw=',
    python: 'python=Python 2.7.5\npython2=Python 2.7.5\npython3=missing',
    tools:
      'sudo=/usr/bin/sudo\ncurl=/usr/bin/curl\nopenssl=/usr/bin/openssl\nsocat=/usr/bin/socat\nconntrack=/usr/sbin/conntrack\nebtables=/usr/sbin/ebtables\nipset=/usr/sbin/ipset',
    pkg: 'yum',
    leftovers: '',
    resolv: 'nameserver 10.0.0.2',
    probes: '',
    end: '',
    ...parts,
  };
  return Object.entries(base)
    .map(([k, v]) => `@@ksw:${k}\n${v}`)
    .join('\n');
}

function ctx(parts: Record<string, string> = {}, hostOver: Partial<Host> = {}, config?: InstallConfig, targets: string[] = []): HostCheckContext {
  const host = defaultHost({ name: 'master1', address: '192.168.0.2', ip: '192.168.0.2', roles: { master: true, etcd: true, worker: false }, ...hostOver });
  const c = config ?? defaultConfig();
  if (!config) c.hosts = [host];
  return { host, config: c, facts: parseGatherOutput(gather(parts), true, targets), minimums: 'enforce' as const };
}

describe('host checks from gathered text', () => {
  it('a healthy CentOS 7 master passes everything it can', () => {
    const c = ctx();
    for (const check of [
      osCheck,
      cpuMemoryCheck,
      diskCheck,
      hostnameCheck,
      ipLocalCheck,
      swapCheck,
      pythonCheck,
      portsCheck,
      firewallCheck,
      leftoversCheck,
      toolsCheck,
    ]) {
      expect(check.run(c)?.status, check.id).toBe('pass');
    }
  });
  it('os: unsupported warns, Ubuntu 18.04 non-root warns', () => {
    expect(osCheck.run(ctx({ os: 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12"' }))?.message).toMatch(/not in the supported list/);
    const u = osCheck.run(ctx({ os: 'ID=ubuntu\nVERSION_ID="18.04"\nPRETTY_NAME="Ubuntu 18.04.5 LTS"' }, { user: 'deploy' }));
    expect(u?.status).toBe('warn');
    expect(u?.message).toMatch(/root/);
  });
  it('memory below the Kubespray floor fails for a master, warns in the lab profile', () => {
    const c = ctx({ meminfo: 'MemTotal: 1200000 kB' });
    expect(cpuMemoryCheck.run(c)?.status).toBe('fail');
    expect(cpuMemoryCheck.run({ ...c, minimums: 'warn' as const })?.status).toBe('warn');
    expect(cpuMemoryCheck.run(ctx({ meminfo: 'MemTotal: 1200000 kB' }, { roles: { master: false, etcd: false, worker: true } }))?.status).toBe('pass');
  });
  it('disk under 40 GB warns; swap on warns', () => {
    expect(diskCheck.run(ctx({ df: '/dev/sda1 31457280 1000 30000000 1% /' }))?.status).toBe('warn');
    expect(swapCheck.run(ctx({ swaps: 'Filename Type Size Used Priority\n/swapfile file 2097148 0 -2' }))?.status).toBe('warn');
  });
  it('hostname with upper case fails', () => {
    expect(hostnameCheck.run(ctx({ hostname: 'Master_1' }))?.status).toBe('fail');
  });
  it('ip not on the host fails and lists what was found', () => {
    const r = ipLocalCheck.run(ctx({}, { ip: '10.99.0.1' }));
    expect(r?.status).toBe('fail');
    expect(r?.message).toContain('192.168.0.2 (eth0)');
  });
  it('a taken port fails with the process', () => {
    const r = portsCheck.run(ctx({ ss: 'LISTEN 0 4096 0.0.0.0:6443 0.0.0.0:* users:(("haproxy",pid=77,fd=5))' }));
    expect(r?.status).toBe('fail');
    expect(r?.message).toMatch(/port 6443 .*haproxy \(pid 77\)/);
  });
  it('firewalld active warns with the ports to open', () => {
    const r = firewallCheck.run(ctx({ firewall: 'firewalld=active\nufw=' }));
    expect(r?.status).toBe('warn');
    expect(r?.hint).toContain('--add-port=6443/tcp');
  });
  it('leftovers: etcd data fails, daemon.json warns', () => {
    expect(leftoversCheck.run(ctx({ leftovers: '/var/lib/etcd=member ' }))?.status).toBe('fail');
    expect(leftoversCheck.run(ctx({ leftovers: '/etc/docker/daemon.json=file' }))?.status).toBe('warn');
    expect(leftoversCheck.run(ctx({ leftovers: 'yum-transaction=/var/lib/yum/transaction-all.2019' }))?.hint).toMatch(/yum-complete-transaction/);
  });
  it('python 3 as default warns; tools missing hint uses yum names', () => {
    expect(pythonCheck.run(ctx({ python: 'python=Python 3.6.8\npython2=missing\npython3=Python 3.6.8' }))?.status).toBe('warn');
    expect(toolsCheck.run(ctx({ tools: 'sudo=/usr/bin/sudo\nconntrack=missing' }))?.hint).toContain('yum install -y curl openssl socat conntrack-tools');
  });
  it('clock: judged on the certain part of the offset', () => {
    const c = ctx();
    c.facts.clock = { offsetMs: 1500, uncertaintyMs: 100, remoteText: '' };
    expect(clockCheck.run(c)?.status).toBe('warn');
    c.facts.clock = { offsetMs: -12_000, uncertaintyMs: 100, remoteText: '' };
    expect(clockCheck.run(c)?.status).toBe('fail');
    c.facts.clock = { offsetMs: 900, uncertaintyMs: 300, remoteText: '' };
    expect(clockCheck.run(c)?.status).toBe('pass');
  });
  it('peers: refused passes (routable), timeout fails', () => {
    const config = defaultConfig();
    const me = defaultHost({ name: 'm1', address: '10.0.0.1', ip: '10.0.0.1', roles: { master: true, etcd: true, worker: false } });
    const peer = defaultHost({ name: 'm2', address: '10.0.0.2', ip: '10.0.0.2', roles: { master: true, etcd: true, worker: false } });
    config.hosts = [me, peer];
    const targets = ['10.0.0.2:2379', '10.0.0.2:2380', '10.0.0.2:6443'];
    const okCtx = { ...ctx({ probes: targets.map((t) => `probe ${t} 1 Connection refused`).join('\n') }, {}, config, targets), host: me };
    expect(clusterNetworkCheck.run(okCtx)?.status).toBe('pass');
    const badCtx = { ...ctx({ probes: 'probe 10.0.0.2:2379 1 Connection refused' }, {}, config, targets), host: me };
    const bad = clusterNetworkCheck.run(badCtx);
    expect(bad?.status).toBe('fail');
    expect(bad?.message).toMatch(/2380: no answer within 3 s/);
  });
});

describe('cluster checks', () => {
  const facts = (hostname: string, cpus: number, memKb: number): HostFacts =>
    parseGatherOutput(gather({ hostname, nproc: String(cpus), meminfo: `MemTotal: ${memKb} kB` }), true);
  const probe = async () => ({ target: '', kind: 'open' as const, detail: '' });

  it('totals below 8 CPU / 16 GB fail; duplicates fail; CIDR overlap fails', async () => {
    const config = defaultConfig();
    config.hosts = ['a', 'b', 'c'].map((n, i) => defaultHost({ name: n, ip: `10.233.0.${i + 5}` }));
    const map = new Map([
      ['a', facts('a', 2, 4_000_000)],
      ['b', facts('b', 2, 4_000_000)],
      ['c', facts('a', 2, 4_000_000)],
    ]);
    const c = { config, facts: map, minimums: 'enforce' as const, tcpProbe: probe };
    expect((await resourcesTotalCheck.run(c))?.status).toBe('fail');
    expect((await hostnamesUniqueCheck.run(c))?.message).toMatch(/"a" on a, c/);
    expect((await cidrCheck.run(c))?.status).toBe('fail');
  });
});
