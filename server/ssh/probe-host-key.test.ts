/**
 * The SSH layer never authenticates to an endpoint whose key is not the pinned one, against a
 * server that records every authentication attempt (test-support/fake-sshd.ts): a probe fetches
 * the key and sends no authentication at all; an unpinned target is refused before dialing unless
 * trust on first use is asked for; a wrong pin is refused in the handshake, before authentication.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSshd, type FakeSshd } from '../test-support/fake-sshd';
import { connectHost } from './connect';
import { SshError } from './errors';
import { probeHostKey } from './probe-host-key';
import type { SshTarget } from './types';

let server: FakeSshd;
beforeAll(async () => {
  server = await startFakeSshd();
});
afterAll(async () => {
  await server.close();
});

const target = (): SshTarget => ({ name: 'fake', address: '127.0.0.1', port: server.port, user: 'ops', auth: { kind: 'password', password: 'secret-pw' } });
const failure = async (p: Promise<unknown>): Promise<SshError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof SshError) return e;
    throw e;
  }
  throw new Error('expected a failure');
};

describe('no authentication without a trusted key', () => {
  it('a probe returns the key and authenticates with nothing', async () => {
    const before = server.connections;
    const key = await probeHostKey(target());
    expect(key).toMatchObject({ algorithm: 'ssh-ed25519', fingerprint: expect.stringMatching(/^SHA256:/), state: 'new' });
    expect(server.connections).toBe(before + 1);
    expect(server.attempts).toEqual([]);
  });

  it('an unpinned target is refused before dialing; a wrong pin before authenticating', async () => {
    const before = server.connections;
    expect((await failure(connectHost(target()))).kind).toBe('host-key-untrusted');
    expect(server.connections).toBe(before);
    const wrong = await failure(connectHost({ ...target(), expectedHostKey: { algorithm: 'ssh-ed25519', fingerprint: 'SHA256:not-this-one' } }));
    expect(wrong.kind).toBe('host-key-changed');
    expect(server.attempts).toEqual([]);
  });

  it('the pinned key, or trust on first use asked for, logs in', async () => {
    const key = await probeHostKey(target());
    const pinned = await connectHost({ ...target(), expectedHostKey: key });
    pinned.close();
    const tofu = await connectHost(target(), { trustOnFirstUse: true });
    expect(tofu.hostKey).toMatchObject({ state: 'new', fingerprint: key.fingerprint });
    tofu.close();
    expect(server.attempts.map((a) => [a.method, a.secrets])).toEqual([
      ['none', []],
      ['password', ['secret-pw']],
      ['none', []],
      ['password', ['secret-pw']],
    ]);
  });
});
