/**
 * Trusting host keys against the real database. "Trust all new keys" trusts only the keys sent
 * (those the operator was shown), only while still "new" with the fingerprint sent; everything
 * else comes back in `skipped` with why. A "changed" key keeps its old and pending fingerprints and
 * waits for its own accept, which names the fingerprint shown too. The API takes
 * {host, fingerprint} or {keys: [{host, fingerprint}]}, and nothing else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as trustRoute } from '@/app/api/installs/[id]/host-keys/trust/route';
import { getDb } from '../db';
import { createInstall } from '../installs/create-install';
import { adminCookie, callRoute } from '../test-support/api-client';
import { useFreshDatabase } from '../test-support/fresh-db';
import { endpointKey, listHostKeys, recordHostKey, trustHostKey, trustNewHostKeys, type ShownHostKey } from './host-keys';

useFreshDatabase();
let cookie = '';
beforeAll(async () => {
  cookie = await adminCookie();
});

const fp = (n: number) => `SHA256:${String(n).padStart(43, 'k')}`;

async function seedKeys(installId: string): Promise<void> {
  const key = (host: string, n: number, extra: object = {}) => ({
    installId,
    host,
    address: `10.0.0.${n}:22`,
    algorithm: 'ssh-ed25519',
    fingerprint: fp(n),
    publicKey: `AAAA${n}`,
    ...extra,
  });
  await getDb().hostKey.createMany({
    data: [
      key('node1', 1),
      key('node10', 10),
      key('node2', 2, { trusted: true }),
      key('node3', 3, { trusted: true, pendingFingerprint: fp(33), pendingPublicKey: 'AAAA33', pendingAlgorithm: 'ssh-ed25519', pendingSeenAt: new Date() }),
      key('node4', 4, { pendingFingerprint: fp(44), pendingPublicKey: 'AAAA44', pendingAlgorithm: 'ssh-ed25519', pendingSeenAt: new Date() }),
    ],
  });
}

const states = async (installId: string) => Object.fromEntries((await listHostKeys(installId)).map((k) => [k.host, k.state]));
const shown = (...pairs: [string, number][]): ShownHostKey[] => pairs.map(([host, n]) => ({ host, fingerprint: fp(n) }));
const ALL_SEEDED = { node1: 'new', node10: 'new', node2: 'trusted', node3: 'changed', node4: 'changed' };

describe('trust all new host keys', () => {
  it('trusts the "new" keys sent with their fingerprints, never a changed one, nor another install\'s', async () => {
    const { id } = await createInstall({ name: 'keys' });
    const other = await createInstall({ name: 'keys-other' });
    await seedKeys(id);
    await seedKeys(other.id);
    expect(await states(id)).toEqual(ALL_SEEDED);

    const r = await trustNewHostKeys(id, shown(['node1', 1], ['node10', 10]));
    expect(r.trusted).toEqual(['node1', 'node10']);
    expect(r.skipped).toEqual([]);
    expect(Object.fromEntries(r.keys.map((k) => [k.host, k.state]))).toEqual({
      node1: 'trusted',
      node10: 'trusted',
      node2: 'trusted',
      node3: 'changed',
      node4: 'changed',
    });
    // changed keys untouched: the old fingerprint still current, the new one still pending
    expect(r.keys.find((k) => k.host === 'node4')).toMatchObject({ fingerprint: fp(4), pendingFingerprint: fp(44) });
    expect(r.keys.find((k) => k.host === 'node3')).toMatchObject({ fingerprint: fp(3), pendingFingerprint: fp(33) });
    expect(await states(other.id)).toEqual(ALL_SEEDED);

    const again = await trustNewHostKeys(id, shown(['node1', 1])); // nothing new left
    expect(again.trusted).toEqual([]);
    expect(again.skipped).toEqual([{ host: 'node1', fingerprint: fp(1), reason: 'not-new', state: 'trusted' }]);
  });

  it('leaves a "new" key the operator was not shown alone', async () => {
    const { id } = await createInstall({ name: 'keys-unseen' });
    await seedKeys(id);
    // the page listed node1 and node10; node11 was first seen after that
    await getDb().hostKey.create({
      data: { installId: id, host: 'node11', address: '10.0.0.11:22', algorithm: 'ssh-ed25519', fingerprint: fp(11), publicKey: 'AAAA11' },
    });
    const r = await trustNewHostKeys(id, shown(['node1', 1], ['node10', 10]));
    expect(r.trusted).toEqual(['node1', 'node10']);
    expect(r.skipped).toEqual([]);
    expect((await states(id)).node11).toBe('new');
  });

  it('skips, with why, a key changed since shown, one no longer new and an unknown host', async () => {
    const { id } = await createInstall({ name: 'keys-skip' });
    await seedKeys(id);
    // node1's row was replaced after the page loaded: same host, another key, still "new"
    await getDb().hostKey.update({
      where: { installId_address: { installId: id, address: '10.0.0.1:22' } },
      data: { fingerprint: fp(101), publicKey: 'AAAA101' },
    });

    const r = await trustNewHostKeys(id, shown(['node1', 1], ['node2', 2], ['node4', 4], ['node9', 9], ['node10', 10]));
    expect(r.trusted).toEqual(['node10']);
    expect(r.skipped).toEqual([
      { host: 'node1', fingerprint: fp(1), reason: 'changed-since-shown', state: 'new', currentFingerprint: fp(101) },
      { host: 'node2', fingerprint: fp(2), reason: 'not-new', state: 'trusted' },
      { host: 'node4', fingerprint: fp(4), reason: 'not-new', state: 'changed' },
      { host: 'node9', fingerprint: fp(9), reason: 'unknown-host' },
    ]);
    expect(await states(id)).toEqual({ node1: 'new', node10: 'trusted', node2: 'trusted', node3: 'changed', node4: 'changed' });
    expect(r.keys.find((k) => k.host === 'node4')).toMatchObject({ fingerprint: fp(4), pendingFingerprint: fp(44) });
  });

  it('404 for an unknown install', async () => {
    await expect(trustNewHostKeys('nope', shown(['node1', 1]))).rejects.toMatchObject({ status: 404 });
  });
});

describe('trust one host key', () => {
  it('trusts a new key, or accepts a changed one, only with the fingerprint shown', async () => {
    const { id } = await createInstall({ name: 'keys-one' });
    await seedKeys(id);

    await expect(trustHostKey(id, 'node1', fp(2))).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/node1 is not the one shown/) });
    expect((await states(id)).node1).toBe('new');
    expect(await trustHostKey(id, 'node1', fp(1))).toMatchObject({ host: 'node1', state: 'trusted', fingerprint: fp(1) });

    // a changed key: the fingerprint shown is the one it now presents, not the old one
    await expect(trustHostKey(id, 'node4', fp(4))).rejects.toMatchObject({ status: 409, message: expect.stringMatching(new RegExp(`it is now ${fp(44)}`)) });
    expect((await listHostKeys(id)).find((k) => k.host === 'node4')).toMatchObject({ state: 'changed', fingerprint: fp(4), pendingFingerprint: fp(44) });
    expect(await trustHostKey(id, 'node4', fp(44))).toMatchObject({ state: 'trusted', fingerprint: fp(44) });
    expect((await listHostKeys(id)).find((k) => k.host === 'node4')?.pendingFingerprint).toBeUndefined();

    expect(await trustHostKey(id, 'node2', fp(2))).toMatchObject({ state: 'trusted' }); // already trusted: no change
    await expect(trustHostKey(id, 'node9', fp(9))).rejects.toMatchObject({ status: 404 });
  });
});

describe('POST …/host-keys/trust', () => {
  it('takes {host, fingerprint} or {keys: [{host, fingerprint}]}, nothing else', async () => {
    const { id } = await createInstall({ name: 'keys-api' });
    await seedKeys(id);
    const post = (body: unknown) => callRoute(trustRoute, { method: 'POST', cookie, params: { id }, body });

    const either = /\{host, fingerprint\}.*\{keys: \[\{host, fingerprint\}/;
    const wrong: [unknown, RegExp][] = [
      [{ all: 'new' }, either],
      [{ host: 'node1' }, either],
      [{ keys: [{ host: 'node1' }] }, either],
      [{}, either],
      [{ host: 'node1', fingerprint: '' }, /fingerprint that was shown/],
      [{ keys: [] }, /new keys that were shown/],
      [{ host: 'node1', fingerprint: fp(1), all: 'new' }, /Unrecognized key: "all"/],
      [{ keys: [{ host: 'node1', fingerprint: fp(1), state: 'new' }] }, /Unrecognized key: "state"/],
      [{ keys: [{ host: 'node1', fingerprint: fp(1) }], host: 'node1' }, /Unrecognized key: "host"/],
    ];
    for (const [body, message] of wrong) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((res.json as { errors: { message: string }[] }).errors[0]?.message, JSON.stringify(body)).toMatch(message);
    }
    expect(await states(id)).toEqual(ALL_SEEDED);

    const all = await post({ keys: shown(['node1', 1], ['node10', 11]) });
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({
      trusted: ['node1'],
      skipped: [{ host: 'node10', fingerprint: fp(11), reason: 'changed-since-shown', state: 'new', currentFingerprint: fp(10) }],
    });
    expect(await states(id)).toEqual({ ...ALL_SEEDED, node1: 'trusted' });

    const stale = await post({ host: 'node3', fingerprint: fp(3) });
    expect(stale.status).toBe(409);
    const one = await post({ host: 'node3', fingerprint: fp(33) });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ host: 'node3', state: 'trusted', fingerprint: fp(33) });

    expect((await callRoute(trustRoute, { method: 'POST', cookie, params: { id: 'nope' }, body: { keys: shown(['node1', 1]) } })).status).toBe(404);
  });
});

describe('keys belong to the endpoint, not the name', () => {
  const presented = (n: number) => ({ algorithm: 'ssh-ed25519', fingerprint: fp(n), publicKey: `AAAA${n}`, state: 'new' as const });

  it('a rename at the same address:port keeps the trusted key; the same name at another endpoint is a first contact', async () => {
    const { id } = await createInstall({ name: 'keys-endpoint' });
    await recordHostKey(id, 'node1', '10.0.0.1:22', presented(1));
    expect(await endpointKey(id, '10.0.0.1:22')).toEqual({ state: 'untrusted', key: { algorithm: 'ssh-ed25519', fingerprint: fp(1) } });
    await trustHostKey(id, 'node1', fp(1), '10.0.0.1:22');
    // renamed: the endpoint's key is still trusted, now under the new name
    await recordHostKey(id, 'node9', '10.0.0.1:22', presented(1));
    expect(await endpointKey(id, '10.0.0.1:22')).toMatchObject({ state: 'trusted' });
    expect((await listHostKeys(id)).map((k) => [k.host, k.address, k.state])).toEqual([['node9', '10.0.0.1:22', 'trusted']]);
    // node9 pointed elsewhere: nothing is known there, whatever its name
    expect(await endpointKey(id, '10.0.0.66:22')).toEqual({ state: 'none' });
    expect(await endpointKey(id, '10.0.0.1:2222')).toEqual({ state: 'none' });
  });

  it('a trusted key is never replaced by recording another; "trust new keys" trusts only a first key', async () => {
    const { id } = await createInstall({ name: 'keys-endpoint-2' });
    await recordHostKey(id, 'a', '10.0.1.1:22', presented(5), true);
    expect(await endpointKey(id, '10.0.1.1:22')).toMatchObject({ state: 'trusted', key: { fingerprint: fp(5) } });
    await recordHostKey(id, 'a', '10.0.1.1:22', presented(6), true);
    expect(await endpointKey(id, '10.0.1.1:22')).toMatchObject({ state: 'trusted', key: { fingerprint: fp(5) } });
    // an untrusted first key is replaced by what the endpoint presents later (nothing was trusted)
    await recordHostKey(id, 'b', '10.0.1.2:22', presented(7));
    await recordHostKey(id, 'b', '10.0.1.2:22', presented(8));
    expect(await endpointKey(id, '10.0.1.2:22')).toMatchObject({ state: 'untrusted', key: { fingerprint: fp(8) } });
  });
});
