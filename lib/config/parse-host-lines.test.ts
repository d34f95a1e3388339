import { describe, expect, it } from 'vitest';
import { defaultHost } from './defaults';
import { parseHostLines } from './parse-host-lines';

const existing = [defaultHost({ name: 'master1', address: '192.168.0.1', ip: '192.168.0.1', taskbox: true })];
const brief = (text: string) => {
  const r = parseHostLines(text, existing);
  return { hosts: r.hosts.map((h) => `${h.name} ${h.address} ${h.ip}`), problems: r.problems };
};

describe('parseHostLines (bulk paste)', () => {
  it('turns good lines into default hosts; the internal IP defaults to the address', () => {
    const r = parseHostLines('node1 192.168.0.4\nnode2\t192.168.0.5   10.0.0.5\r\nnode3 node3.example.com 10.0.0.6\n', existing);
    expect(r.problems).toEqual([]);
    expect(r.hosts).toEqual([
      defaultHost({ name: 'node1', address: '192.168.0.4', ip: '192.168.0.4' }),
      defaultHost({ name: 'node2', address: '192.168.0.5', ip: '10.0.0.5' }),
      defaultHost({ name: 'node3', address: 'node3.example.com', ip: '10.0.0.6' }),
    ]);
    expect(r.hosts[0]).toMatchObject({ port: 22, user: 'root', taskbox: false, roles: { master: false, etcd: false, worker: false } });
  });

  it('skips blank lines and # comments, keeping line numbers of the pasted text', () => {
    const r = brief('# workers\n\n   \nnode1 192.168.0.4  # rack 2\n\t# node9 192.168.0.9\nNode2 192.168.0.5');
    expect(r.hosts).toEqual(['node1 192.168.0.4 192.168.0.4']);
    expect(r.problems).toEqual([{ line: 6, message: `"Node2" is not a valid host name: use lower-case letters, digits, '-' and '.' (use "node2")` }]);
    expect(parseHostLines('', existing)).toEqual({ hosts: [], problems: [] });
  });

  it('reports bad addresses and IPs with their line numbers and adds nothing for those lines', () => {
    const r = brief(
      ['node1 192.168.0.300', 'node2 192.168.0.5 10.0.0.256', 'node3 bad_host!', 'node4 db.example.com', 'node5 192.168.01.7', 'node6 192.168.0.6'].join('\n'),
    );
    expect(r.hosts).toEqual(['node6 192.168.0.6 192.168.0.6']);
    expect(r.problems).toEqual([
      { line: 1, message: 'SSH address "192.168.0.300" is neither an IPv4 address nor a DNS name' },
      { line: 2, message: 'internal IP "10.0.0.256" is not an IPv4 address (e.g. 192.168.0.4)' },
      { line: 3, message: 'SSH address "bad_host!" is neither an IPv4 address nor a DNS name' },
      { line: 4, message: '"db.example.com" is a DNS name: add the host\'s internal IPv4 address as a third column' },
      { line: 5, message: 'SSH address "192.168.01.7" is neither an IPv4 address nor a DNS name' },
    ]);
  });

  it('lists every problem of a line in one message', () => {
    expect(brief('Node1 999.0.0.1 x').problems).toEqual([
      {
        line: 1,
        message: `"Node1" is not a valid host name: use lower-case letters, digits, '-' and '.' (use "node1"); SSH address "999.0.0.1" is neither an IPv4 address nor a DNS name; internal IP "x" is not an IPv4 address (e.g. 192.168.0.4)`,
      },
    ]);
  });

  it('refuses duplicate names and internal IPs, against existing hosts and earlier lines', () => {
    const r = brief(['master1 192.168.0.2', 'node1 192.168.0.4', 'node1 192.168.0.5', 'node2 192.168.0.1', 'node3 192.168.0.6 192.168.0.4'].join('\n'));
    expect(r.hosts).toEqual(['node1 192.168.0.4 192.168.0.4']);
    expect(r.problems).toEqual([
      { line: 1, message: 'a host named "master1" already exists (an existing host)' },
      { line: 3, message: 'a host named "node1" already exists (line 2)' },
      { line: 4, message: 'internal IP 192.168.0.1 is already used (existing host master1)' },
      { line: 5, message: 'internal IP 192.168.0.4 is already used (line 2, node1)' },
    ]);
  });

  it('a refused line does not take its name: a later corrected line may use it', () => {
    const r = brief('node1 192.168.0.300\nnode1 192.168.0.3');
    expect(r.hosts).toEqual(['node1 192.168.0.3 192.168.0.3']);
    expect(r.problems.map((p) => p.line)).toEqual([1]);
  });

  it('refuses missing and extra columns', () => {
    expect(brief('node1\nnode2 192.168.0.5 10.0.0.5 worker\nnode3 192.168.0.6 10.0.0.6 # role: worker').problems).toEqual([
      { line: 1, message: 'expected "name address [internal-ip]", got "node1"' },
      { line: 2, message: '4 columns, expected at most 3: "name address [internal-ip]", got "node2 192.168.0.5 10.0.0.5 worker"' },
    ]);
  });
});
