// classifySshError against real node/ssh2 errors where they can be produced offline.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { classifySshError, classifySudoFailure } from './errors';

function socketError(host: string, port: number): Promise<Error> {
  return new Promise((resolve) => net.connect({ host, port }).on('error', resolve));
}

describe('classifySshError', () => {
  it('maps a real DNS failure to dns', async () => {
    const e = classifySshError(await socketError('no-such-host.invalid', 22), 'master1', { address: 'no-such-host.invalid' });
    expect(e.kind).toBe('dns');
    expect(e.message).toContain('could not be resolved');
  });

  it('maps a real refused connection to refused with the sshd hint', async () => {
    const e = classifySshError(await socketError('127.0.0.1', 1), 'master1', { address: '127.0.0.1', port: 1 });
    expect(e).toMatchObject({ kind: 'refused', host: 'master1' });
    expect(e.hint).toMatch(/sshd is not running or a firewall/);
  });

  it('maps ssh2 errors by code and level', () => {
    const withProps = (message: string, props: Record<string, string>) => Object.assign(new Error(message), props);
    expect(classifySshError(withProps('x', { code: 'EHOSTUNREACH' }), 'h').kind).toBe('unreachable');
    expect(classifySshError(withProps('Timed out while waiting for handshake', { level: 'client-timeout' }), 'h').kind).toBe('timeout');
    const auth = classifySshError(withProps('All configured authentication methods failed', { level: 'client-authentication' }), 'h', {
      user: 'u',
      methods: ['publickey'],
    });
    expect(auth.kind).toBe('auth');
    expect(auth.message).toBe('authentication refused for u@h (server offered: publickey)');
    expect(
      classifySshError(new Error('Host denied (verification failed)'), 'm2', { hostKeyMismatch: { expected: 'SHA256:a', actual: 'SHA256:b' } }).message,
    ).toBe('the host key of m2 changed: expected SHA256:a, got SHA256:b');
    expect(classifySshError(new Error('Cannot parse privateKey: Unsupported key format'), 'h').kind).toBe('key-format');
    expect(classifySshError(withProps('read ECONNRESET', { code: 'ECONNRESET' }), 'h').kind).toBe('connection-lost');
  });

  it('carries the presented key of a changed host key (to store as pending)', () => {
    const e = classifySshError(new Error('Host denied (verification failed)'), 'm2', {
      hostKeyMismatch: { expected: 'SHA256:a', actual: 'SHA256:b', algorithm: 'ssh-ed25519', publicKey: 'AAAAC3NzaC1lZDI1NTE5AAAAIB' },
    });
    expect(e.kind).toBe('host-key-changed');
    expect(e.details).toEqual({
      expectedFingerprint: 'SHA256:a',
      actualFingerprint: 'SHA256:b',
      actualAlgorithm: 'ssh-ed25519',
      actualPublicKey: 'AAAAC3NzaC1lZDI1NTE5AAAAIB',
    });
  });
});

describe('classifySudoFailure (sudo 1.9 messages)', () => {
  it.each([
    ['Sorry, try again.\nsudo: 1 incorrect password attempt\n', 'sudo-password'],
    ['deploy is not in the sudoers file.  This incident will be reported.\n', 'not-sudoer'],
    ['sudo: sorry, you must have a tty to run sudo\n', 'sudo-tty'],
  ])('%s -> %s', (stderr, kind) => {
    expect(classifySudoFailure(stderr, 'h', 'deploy')?.kind).toBe(kind);
  });
  it('ignores other output', () => expect(classifySudoFailure('ls: cannot access x', 'h', 'u')).toBeUndefined());
});
