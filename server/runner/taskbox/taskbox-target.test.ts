/**
 * What a run connects with (real database): the taskbox only pinned to the key trusted for its
 * address:port, and Ansible's known_hosts holding the trusted key of each host's address:port only,
 * so a host renamed in place keeps its key and a host pointed elsewhere has none (strict checking
 * then refuses it before any password is sent).
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultHost } from '@/lib/config/defaults';
import type { ValidInstallConfig } from '@/lib/config/validate';
import { getDb } from '../../db';
import { createInstall } from '../../installs/create-install';
import { useFreshDatabase } from '../../test-support/fresh-db';
import { getProfile } from '../../installer-profiles/profiles';
import { knownHostsFor, taskboxTarget } from './taskbox-target';

useFreshDatabase();
const profile = getProfile('kubesphere-2.0.2');
const login = { auth: { kind: 'password' as const, password: { set: true, value: 'pw' } } };

function config(hosts: { name: string; address: string; port?: number }[]): ValidInstallConfig {
  const c = defaultConfig();
  c.hosts = hosts.map((h, i) => defaultHost({ ...h, ...login, ip: h.address, taskbox: i === 0, roles: { master: true, etcd: true, worker: true } }));
  return c as ValidInstallConfig;
}

async function trusted(installId: string, host: string, address: string, n: number, extra: object = {}) {
  await getDb().hostKey.create({
    data: { installId, host, address, algorithm: 'ssh-ed25519', fingerprint: `SHA256:${n}`, publicKey: `AAAA${n}`, trusted: true, ...extra },
  });
}

describe('a run reaches only endpoints with a trusted key', () => {
  it('known_hosts: the trusted key of each address:port, whatever the host is called now', async () => {
    const { id } = await createInstall({ name: 'known-hosts' });
    await trusted(id, 'node1', '10.0.0.1:22', 1);
    await trusted(id, 'node2', '10.0.0.2:2222', 2);
    await getDb().hostKey.create({
      data: { installId: id, host: 'node3', address: '10.0.0.3:22', algorithm: 'ssh-ed25519', fingerprint: 'SHA256:3', publicKey: 'AAAA3', trusted: false },
    });
    await trusted(id, 'node4', '10.0.0.4:22', 4, { pendingFingerprint: 'SHA256:44', pendingPublicKey: 'AAAA44' });

    const text = await knownHostsFor(
      id,
      config([
        { name: 'renamed1', address: '10.0.0.1' }, // renamed in place: keeps its key
        { name: 'node2', address: '10.0.0.2', port: 2222 },
        { name: 'node3', address: '10.0.0.3' }, // recorded, never trusted
        { name: 'node4', address: '10.0.0.4' }, // changed, not accepted
        { name: 'node9', address: '10.0.0.66' }, // pointed at another address: nothing known there
      ]),
      profile,
    );
    expect(text).toBe('10.0.0.1 ssh-ed25519 AAAA1\n[10.0.0.2]:2222 ssh-ed25519 AAAA2\n');
  });

  it('the taskbox: pinned to the key of its address:port; none trusted there, no connection', async () => {
    const { id } = await createInstall({ name: 'taskbox-pin' });
    await trusted(id, 'node1', '10.0.0.1:22', 1);
    expect(await taskboxTarget(id, config([{ name: 'tb', address: '10.0.0.1' }]), profile)).toMatchObject({
      name: 'tb',
      expectedHostKey: { fingerprint: 'SHA256:1' },
    });
    await expect(taskboxTarget(id, config([{ name: 'node1', address: '10.0.0.9' }]), profile)).rejects.toThrow(/host key of the taskbox node1 is not trusted/);
    await expect(taskboxTarget(id, config([{ name: 'node1', address: '10.0.0.1', port: 2222 }]), profile)).rejects.toThrow(/not trusted/);
  });
});
