/**
 * "Trust all new keys" against the real database: only keys in state "new" of this install are
 * trusted; a "changed" key keeps its old and pending fingerprints and waits for its own accept;
 * the API takes {all: "new"} next to {host}, and nothing else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as trustRoute } from '@/app/api/installs/[id]/host-keys/trust/route';
import { getDb } from '../db';
import { createInstall } from '../installs/create-install';
import { adminCookie, callRoute } from '../test-support/api-client';
import { useFreshDatabase } from '../test-support/fresh-db';
import { listHostKeys, trustHostKey, trustNewHostKeys } from './host-keys';

useFreshDatabase();
let cookie = '';
beforeAll(async () => {
  cookie = await adminCookie();
});

const fp = (n: number) => `SHA256:${String(n).padStart(43, 'k')}`;

async function seedKeys(installId: string): Promise<void> {
  const key = (host: string, n: number, extra: object = {}) => ({ installId, host, address: `10.0.0.${n}:22`, algorithm: 'ssh-ed25519', fingerprint: fp(n), publicKey: `AAAA${n}`, ...extra });
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

describe('trust all new host keys', () => {
  it('trusts every "new" key of the install, never a changed one, nor another install\'s', async () => {
    const { id } = await createInstall({ name: 'keys' });
    const other = await createInstall({ name: 'keys-other' });
    await seedKeys(id);
    await seedKeys(other.id);
    expect(await states(id)).toEqual({ node1: 'new', node10: 'new', node2: 'trusted', node3: 'changed', node4: 'changed' });

    const r = await trustNewHostKeys(id);
    expect(r.trusted).toEqual(['node1', 'node10']);
    expect(Object.fromEntries(r.keys.map((k) => [k.host, k.state]))).toEqual({ node1: 'trusted', node10: 'trusted', node2: 'trusted', node3: 'changed', node4: 'changed' });
    // changed keys untouched: the old fingerprint still current, the new one still pending
    expect(r.keys.find((k) => k.host === 'node4')).toMatchObject({ fingerprint: fp(4), pendingFingerprint: fp(44) });
    expect(r.keys.find((k) => k.host === 'node3')).toMatchObject({ fingerprint: fp(3), pendingFingerprint: fp(33) });
    expect(await states(other.id)).toEqual({ node1: 'new', node10: 'new', node2: 'trusted', node3: 'changed', node4: 'changed' });

    expect((await trustNewHostKeys(id)).trusted).toEqual([]); // nothing new left

    await trustHostKey(id, 'node4'); // a changed key: one by one
    expect((await listHostKeys(id)).find((k) => k.host === 'node4')).toMatchObject({ state: 'trusted', fingerprint: fp(44) });
  });

  it('POST …/host-keys/trust takes {all: "new"} or {host}, nothing else', async () => {
    const { id } = await createInstall({ name: 'keys-api' });
    await seedKeys(id);
    const post = (body: unknown) => callRoute(trustRoute, { method: 'POST', cookie, params: { id }, body });

    for (const body of [{ all: 'changed' }, { all: true }, {}, { host: 'node1', all: 'new' }]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((res.json as { errors: { message: string }[] }).errors[0]?.message).toMatch(/\{host\}.*\{all: "new"\}/);
    }
    expect(await states(id)).toMatchObject({ node1: 'new', node10: 'new' });

    const all = await post({ all: 'new' });
    expect(all.status).toBe(200);
    expect((all.json as { trusted: string[] }).trusted).toEqual(['node1', 'node10']);
    expect(await states(id)).toEqual({ node1: 'trusted', node10: 'trusted', node2: 'trusted', node3: 'changed', node4: 'changed' });

    const one = await post({ host: 'node3' });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ host: 'node3', state: 'trusted', fingerprint: fp(33) });

    expect((await callRoute(trustRoute, { method: 'POST', cookie, params: { id: 'nope' }, body: { all: 'new' } })).status).toBe(404);
  });
});
