import { describe, expect, it } from 'vitest';
import { classifyProbe, clockSampleOf, parseDdSeconds, parseEpochMs, parseFsyncSection, parseNameservers, parseProbes, parsePythonVersion } from './misc';
import { isWildcardAddress, parseIpAddr, parseSs } from './network';
import { parseOsRelease } from './os-release';
import { parseDf, parseMeminfo, parseNproc, parseSwaps } from './resources';
import { parseKeyValues, splitSections } from './sections';

describe('sections', () => {
  it('splits marker lines and ignores text before the first marker', () => {
    const s = splitSections('noise\n@@ksw:os\nID=centos\n\n@@ksw:nproc\n4\n@@ksw:end\n');
    expect(s.get('os')).toBe('ID=centos');
    expect(s.get('nproc')).toBe('4');
    expect(s.has('end')).toBe(true);
    expect(parseKeyValues('a=1\nb = x=y\nnoeq').get('b')).toBe('x=y');
  });
});

describe('os-release', () => {
  it('reads CentOS 7 with quoted values', () => {
    const os = parseOsRelease(
      'NAME="CentOS Linux"\nVERSION="7 (Core)"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"\nPRETTY_NAME="CentOS Linux 7 (Core)"',
    );
    expect(os).toEqual({ id: 'centos', versionId: '7', prettyName: 'CentOS Linux 7 (Core)', idLike: ['rhel', 'fedora'] });
  });
  it('reads Ubuntu 18.04 and rejects empty text', () => {
    expect(parseOsRelease('ID=ubuntu\nVERSION_ID="18.04"\nPRETTY_NAME="Ubuntu 18.04.5 LTS"')?.versionId).toBe('18.04');
    expect(parseOsRelease('')).toBeUndefined();
  });
});

describe('resources', () => {
  it('nproc, meminfo, swaps, df', () => {
    expect(parseNproc('8\n')).toBe(8);
    expect(parseNproc('zero')).toBeUndefined();
    expect(parseMeminfo('MemTotal:       16266300 kB\nMemAvailable:   15000000 kB\nSwapTotal:       2097148 kB')).toEqual({
      memTotalKb: 16266300,
      memAvailableKb: 15000000,
      swapTotalKb: 2097148,
    });
    expect(parseSwaps('Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n/dev/dm-1  partition\t2097148\t0\t-2')).toEqual([
      { name: '/dev/dm-1', type: 'partition', sizeKb: 2097148 },
    ]);
    expect(parseSwaps('Filename\tType\tSize\tUsed\tPriority')).toEqual([]);
    const df = parseDf('Filesystem     1024-blocks     Used Available Capacity Mounted on\n/dev/mapper/centos-root  41926656 1504264  40422392       4% /\n');
    expect(df).toEqual([{ filesystem: '/dev/mapper/centos-root', sizeKb: 41926656, usedKb: 1504264, availKb: 40422392, mount: '/' }]);
  });
});

describe('network', () => {
  it('ip -o -4 addr with vlan/veth names', () => {
    const text =
      '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever\n2: eth0    inet 192.168.0.2/24 brd 192.168.0.255 scope global eth0\n5: eth0.10@eth0    inet 10.1.0.5/16 scope global eth0.10';
    expect(parseIpAddr(text)).toEqual([
      { iface: 'lo', address: '127.0.0.1', prefix: 8 },
      { iface: 'eth0', address: '192.168.0.2', prefix: 24 },
      { iface: 'eth0.10', address: '10.1.0.5', prefix: 16 },
    ]);
  });
  it('ss -ltnp with header, IPv6 and process names', () => {
    const text = [
      'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess',
      'LISTEN 0      128          0.0.0.0:22         0.0.0.0:*    users:(("sshd",pid=812,fd=3))',
      'LISTEN 0      4096      127.0.0.11:6443       0.0.0.0:*    users:(("node",pid=4242,fd=21))',
      'LISTEN 0      128             [::]:10250         [::]:*',
      'LISTEN 0      128                *:9100             *:*',
    ].join('\n');
    const l = parseSs(text);
    expect(l.map((x) => [x.address, x.port, x.process, x.pid])).toEqual([
      ['0.0.0.0', 22, 'sshd', 812],
      ['127.0.0.11', 6443, 'node', 4242],
      ['::', 10250, undefined, undefined],
      ['*', 9100, undefined, undefined],
    ]);
    expect(isWildcardAddress('::')).toBe(true);
    expect(isWildcardAddress('127.0.0.11')).toBe(false);
  });
});

describe('misc', () => {
  it('python versions on stdout or stderr, and pyenv shims', () => {
    expect(parsePythonVersion('Python 2.7.5')).toEqual({ major: 2, minor: 7, text: 'Python 2.7.5' });
    expect(parsePythonVersion('Python 3.6.8')?.major).toBe(3);
    expect(parsePythonVersion('pyenv: python2: command not found')).toBeUndefined();
  });
  it('date +%s.%N and busybox without %N', () => {
    expect(parseEpochMs('1700000000.250000000\n')).toBe(1700000000250);
    expect(parseEpochMs('1700000000.N')).toBe(1700000000000);
    expect(parseEpochMs('1700000000.%N')).toBe(1700000000000);
    expect(parseEpochMs('Thu Nov')).toBeUndefined();
  });
  it('a clock reading bracketed by the wizard clock: offset at the midpoint, ± half the round trip', () => {
    expect(clockSampleOf('1700000001.500000000\n', 1700000000000, 1700000000400)).toEqual({
      offsetMs: 1300,
      uncertaintyMs: 200,
      remoteText: '1700000001.500000000',
    });
    expect(clockSampleOf('1699999999.000000000', 1700000000000, 1700000000000)?.offsetMs).toBe(-1000);
    expect(clockSampleOf('date: invalid', 0, 1)).toBeUndefined();
  });
  it('resolv.conf, dd output', () => {
    expect(parseNameservers('# comment\nsearch lan\nnameserver 10.0.0.2\n  nameserver 8.8.8.8')).toEqual(['10.0.0.2', '8.8.8.8']);
    expect(parseDdSeconds('200+0 records in\n200+0 records out\n409600 bytes (410 kB, 400 KiB) copied, 0.146 s, 2.8 MB/s')).toBe(0.146);
    expect(parseDdSeconds('409600 bytes (410 kB) copied, 3.1e-05 s, 13 GB/s')).toBeCloseTo(0.000031);
  });
  it('fsync section of the gather: dir, dd output, rc', () => {
    const ok = parseFsyncSection(
      'dir=/var/lib/ksw-fsync.ab12\n200+0 records in\n200+0 records out\n409600 bytes (410 kB, 400 KiB) copied, 0.5 s, 819 kB/s\nrc=0',
    );
    expect(ok).toEqual({
      exitCode: 0,
      seconds: 0.5,
      output: 'dir=/var/lib/ksw-fsync.ab12\n200+0 records in\n200+0 records out\n409600 bytes (410 kB, 400 KiB) copied, 0.5 s, 819 kB/s',
    });
    expect(parseFsyncSection("dir=/var/tmp/x\ndd: failed to open '/var/tmp/x/f': No space left on device\nrc=1")).toMatchObject({
      exitCode: 1,
      seconds: undefined,
    });
    expect(parseFsyncSection('rc=1')).toEqual({ exitCode: 1, seconds: undefined, output: '' });
    expect(parseFsyncSection('').exitCode).toBe(1);
  });
  it('probe lines: refused, no route, missing = timeout', () => {
    expect(classifyProbe(1, 'No route to host')).toBe('unreachable');
    const bashOutput = [
      'ksw-probe: connect: Connection refused',
      'ksw-probe: line 1: /dev/tcp/10.0.0.2/2379: Connection refused',
      'probe 10.0.0.3:2379 0 open',
      'ksw-probe: connect: No route to host',
      'ksw-probe: line 1: /dev/tcp/10.0.0.5/6443: No route to host',
    ].join('\n');
    const probes = parseProbes(bashOutput, ['10.0.0.2:2379', '10.0.0.3:2379', '10.0.0.4:2380', '10.0.0.5:6443']);
    expect(probes.map((p) => [p.target, p.kind])).toEqual([
      ['10.0.0.2:2379', 'refused'],
      ['10.0.0.3:2379', 'open'],
      ['10.0.0.5:6443', 'unreachable'],
      ['10.0.0.4:2380', 'timeout'],
    ]);
    expect(parseProbes('probe-unavailable bash or timeout missing', ['a:1'])[0]?.kind).toBe('error');
  });
});
