import { describe, expect, it } from 'vitest';
import { seedHosts } from '@/lib/config/fixtures';
import type { Host } from '@/lib/config/schema';
import { copySourceFor, copySourceFromHosts } from './copy-source';

/** master1 and master2 of the seed with no password set, and the rest of the hosts. */
function hostsWithoutPasswords(): [Host, Host, Host[]] {
  const hosts = seedHosts();
  hosts.forEach((h) => (h.auth = { kind: 'password', password: { set: false } }));
  const [master1, master2] = hosts;
  if (!master1 || !master2) throw new Error('the seed has master1 and master2');
  return [master1, master2, hosts];
}

describe('copy sources', () => {
  it('offers the installer machine the first host that holds the secret, following copies to the holder', () => {
    const [master1, master2, hosts] = hostsWithoutPasswords();
    expect(copySourceFromHosts(hosts, 'password')).toBeUndefined();
    master2.auth = { kind: 'password', password: { set: true, value: 'typed' } };
    master1.auth = { kind: 'password', password: { set: true, copyFrom: 'hosts.1.auth.password' } };
    expect(copySourceFromHosts(hosts, 'password')).toEqual({ path: 'hosts.1.auth.password', label: 'master2' });
    expect(copySourceFromHosts(hosts, 'privateKey')).toBeUndefined();
  });

  it('never offers a host its own secret', () => {
    const [master1, , hosts] = hostsWithoutPasswords();
    master1.auth = { kind: 'password', password: { set: true } };
    expect(copySourceFor(hosts, 0, 'password')).toBeUndefined();
    expect(copySourceFor(hosts, 1, 'password')).toEqual({ path: 'hosts.0.auth.password', label: 'master1' });
  });
});
