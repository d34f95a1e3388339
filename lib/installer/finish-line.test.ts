import { describe, expect, it } from 'vitest';
import { consoleAddressOf, firstMasterOf } from './finish-line';

const host = (name: string, address: string, ip: string, master: boolean) => ({ name, address, ip, roles: { master, etcd: master, worker: !master } });
const options = (port: number) => ({ console: { port } });

describe('the finish line', () => {
  it('names the first master, in inventory order', () => {
    expect(
      firstMasterOf([host('node1', '10.0.0.5', '10.0.0.5', false), host('master2', 'm2', '10.0.0.2', true), host('master1', 'm1', '10.0.0.1', true)])?.name,
    ).toBe('master2');
  });

  it('gives the console as the installer prints it: the first master IP and the console port', () => {
    const hosts = [host('master1', '192.168.0.2', '192.168.0.2', true)];
    expect(consoleAddressOf({ hosts, options: options(30880) })).toEqual({ url: 'http://192.168.0.2:30880', alternative: null });
    expect(consoleAddressOf({ hosts, options: options(31000) })?.url).toBe('http://192.168.0.2:31000');
  });

  it('adds the SSH address when it differs from the cluster IP, and nothing without a master', () => {
    expect(consoleAddressOf({ hosts: [host('master1', 'm1.example.com', '10.0.0.1', true)], options: options(30880) })).toEqual({
      url: 'http://10.0.0.1:30880',
      alternative: 'http://m1.example.com:30880',
    });
    expect(consoleAddressOf({ hosts: [host('node1', '10.0.0.5', '10.0.0.5', false)], options: options(30880) })).toBeNull();
  });
});
