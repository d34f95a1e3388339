import { describe, expect, it } from 'vitest';
import {
  cidrContains,
  cidrsOverlap,
  formatIPv4,
  isDns1123Label,
  isDnsName,
  isHostnameOrIPv4,
  isHttpUrl,
  isIPv4,
  isIPv4WithPort,
  isKubernetesQuantity,
  isRfc1123Hostname,
  isValidPort,
  parseCidr,
  parseHostPort,
  parseIPv4,
  parseQuantity,
} from './net';

describe('IPv4', () => {
  it.each(['192.168.0.1', '0.0.0.0', '255.255.255.255', '10.233.0.1'])('accepts %s', (ip) => {
    expect(isIPv4(ip)).toBe(true);
  });
  it.each(['', '192.168.0', '192.168.0.256', '192.168.01.1', '1.2.3.4.5', ' 1.2.3.4', 'a.b.c.d', '1.2.3.-4'])('refuses %j', (ip) => {
    expect(isIPv4(ip)).toBe(false);
  });
  it('round-trips through a number', () => {
    expect(parseIPv4('192.168.0.10')).toBe(0xc0a8000a);
    expect(formatIPv4(0xc0a8000a)).toBe('192.168.0.10');
  });
});

describe('parseCidr', () => {
  it('parses the installer defaults', () => {
    const parsed = parseCidr('10.233.0.0/18');
    expect(parsed).toEqual({ ok: true, cidr: { text: '10.233.0.0/18', network: parseIPv4('10.233.0.0'), prefix: 18, size: 16384 } });
  });
  it('refuses an address that is not the network address, and names the right one', () => {
    const parsed = parseCidr('10.233.1.0/18');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem).toContain('not a network address');
      expect(parsed.problem).toContain('10.233.0.0/18');
    }
  });
  it.each(['10.233.0.0', '10.233.0.0/33', '10.233.0/18', 'x/8', '10.233.0.0/'])('refuses %j', (text) => {
    expect(parseCidr(text).ok).toBe(false);
  });
});

describe('cidrsOverlap / cidrContains', () => {
  it('tells apart the default service and pod CIDRs', () => {
    expect(cidrsOverlap('10.233.0.0/18', '10.233.64.0/18')).toBe(false);
  });
  it('finds nested and equal blocks', () => {
    expect(cidrsOverlap('10.233.0.0/16', '10.233.64.0/18')).toBe(true);
    expect(cidrsOverlap('10.233.64.0/18', '10.233.0.0/16')).toBe(true);
    expect(cidrsOverlap('10.0.0.0/8', '10.0.0.0/8')).toBe(true);
  });
  it('contains addresses at both ends only', () => {
    expect(cidrContains('10.233.0.0/18', '10.233.0.0')).toBe(true);
    expect(cidrContains('10.233.0.0/18', '10.233.63.255')).toBe(true);
    expect(cidrContains('10.233.0.0/18', '10.233.64.0')).toBe(false);
    expect(cidrContains('10.233.0.0/18', 'node1.example.com')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '255.255.255.255')).toBe(true);
  });
});

describe('ports', () => {
  it('accepts 1..65535 whole numbers only', () => {
    expect([1, 22, 65535].every(isValidPort)).toBe(true);
    expect([0, -1, 65536, 22.5, Number.NaN].some(isValidPort)).toBe(false);
  });
});

describe('names', () => {
  it('accepts RFC-1123 lower-case host names', () => {
    expect(['master1', 'node-1', 'a', 'node1.cluster.local', '1node'].every(isRfc1123Hostname)).toBe(true);
  });
  it('refuses upper case, underscores, edge dashes, empty labels and long names', () => {
    const bad = ['Master1', 'node_1', '-node', 'node-', 'a..b', '', 'a'.repeat(64), `${'a'.repeat(60)}.`.repeat(5)];
    expect(bad.filter(isRfc1123Hostname)).toEqual([]);
  });
  it('checks DNS-1123 labels (no dots)', () => {
    expect(isDns1123Label('local')).toBe(true);
    expect(isDns1123Label('my.class')).toBe(false);
  });
  it('accepts DNS names in any case but not IP look-alikes', () => {
    expect(isDnsName('LB.kubesphere.local')).toBe(true);
    expect(isDnsName('192.168.0.300')).toBe(false);
  });
  it('accepts an SSH address that is an IPv4 or a host name', () => {
    expect(['192.168.0.2', 'node2.example.com', 'Node2'].every(isHostnameOrIPv4)).toBe(true);
    expect(['192.168.0.300', 'node 2', '', 'node2:22'].some(isHostnameOrIPv4)).toBe(false);
  });
});

describe('host:port and URLs', () => {
  it('parses host:port', () => {
    expect(parseHostPort('192.168.0.20:6789')).toEqual({ host: '192.168.0.20', port: 6789 });
    expect(parseHostPort('ceph-mon1:6789')).toEqual({ host: 'ceph-mon1', port: 6789 });
    expect(parseHostPort('192.168.0.20')).toBeUndefined();
    expect(parseHostPort('192.168.0.20:70000')).toBeUndefined();
  });
  it('requires an IPv4 for ip:port', () => {
    expect(isIPv4WithPort('192.168.0.30:9530')).toBe(true);
    expect(isIPv4WithPort('neonsan:9530')).toBe(false);
  });
  it('accepts http(s) URLs only', () => {
    expect(isHttpUrl('http://192.168.0.4:8080')).toBe(true);
    expect(isHttpUrl('https://mirror.example.com')).toBe(true);
    expect(['ftp://x', 'mirror.example.com', 'http://', 'http://a b'].some(isHttpUrl)).toBe(false);
  });
});

describe('Kubernetes quantities (FAQ 4.14)', () => {
  it.each(['400Mi', '8Gi', '20Gi', '1.5G', '100', '1e9', '500m'])('accepts %s', (q) => {
    expect(isKubernetesQuantity(q)).toBe(true);
  });
  it.each(['', '8GB', '8 Gi', '8gi', 'Gi', '-1Gi', '8Gi\n'])('refuses %j', (q) => {
    expect(isKubernetesQuantity(q)).toBe(false);
  });
  it('computes values so sizes can be compared', () => {
    expect(parseQuantity('4Gi')).toBe(4 * 2 ** 30);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('2e3')).toBe(2000);
  });
});
