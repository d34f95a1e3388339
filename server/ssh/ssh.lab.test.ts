// Integration tests of the SSH layer against real lab sshd hosts (lab/fixture.ts leases 5 hosts; tests run concurrently, each fault on its own host).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labFault } from '../../lab/faults';
import { useLab } from '../../lab/fixture';
import { fingerprintOf } from './host-key';
import { checkSudo, connectHost, probeHostKey, SshError, withHost } from './index';

const lab = useLab(5);

async function failure(p: Promise<unknown>): Promise<SshError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SshError) return e;
    throw e;
  }
  throw new Error('expected an SshError');
}

describe.concurrent('ssh layer on lab hosts', () => {
  it('logs in as root with a key, pins the host key, and runs commands on one reused connection', async () => {
    const target = lab.target(0, 'root-key');
    await withHost(target, async (s) => {
      expect(s.hostKey).toMatchObject({ state: 'matched', fingerprint: lab.host(0).hostKeyFingerprint, algorithm: 'ssh-ed25519' });
      const [a, b] = await Promise.all([s.exec(['hostname']), s.exec(['id', '-un'])]);
      expect(a.stdout.trim()).toBe(lab.host(0).name);
      expect(b).toMatchObject({ stdout: 'root\n', exitCode: 0 });
    });
  });

  it('logs in as the lab user by password, by key and by key with passphrase; an unpinned host only with trust on first use', async () => {
    for (const login of ['user-password', 'user-key', 'user-key-passphrase'] as const) {
      await withHost(lab.target(1, login), async (s) => expect((await s.execOk(['id', '-un'])).stdout).toBe(`${lab.state.user}\n`));
    }
    const unpinned = lab.target(1, 'user-password', false);
    expect((await failure(connectHost(unpinned))).kind).toBe('host-key-untrusted');
    expect(await probeHostKey(unpinned)).toMatchObject({ state: 'new', algorithm: 'ssh-ed25519', fingerprint: lab.host(1).hostKeyFingerprint });
    await withHost(unpinned, async (s) => expect(s.hostKey.state).toBe('new'), { trustOnFirstUse: true });
  });

  it('refuses a wrong password with kind auth and lists the offered methods', async () => {
    const t = lab.target(1);
    const e = await failure(connectHost({ ...t, auth: { kind: 'password', password: 'wrong' } }));
    expect(e.kind).toBe('auth');
    expect(e.details.methods).toEqual(expect.arrayContaining(['publickey', 'password']));
    expect(e.message).toContain('server offered: publickey');
  });

  it('reports a bad passphrase or a broken key as key-format, before connecting', async () => {
    const t = lab.target(1, 'user-key-passphrase');
    const bad = await failure(connectHost({ ...t, auth: { kind: 'key', privateKey: readFileSync(lab.state.keyWithPassphrasePath), passphrase: 'nope' } }));
    expect(bad.kind).toBe('key-format');
    const garbage = await failure(connectHost({ ...t, auth: { kind: 'key', privateKey: 'not a key' } }));
    expect(garbage.kind).toBe('key-format');
  });

  it('sudo: works with the right password, feeds stdin after it, and fails clearly with a wrong one', async () => {
    await withHost(lab.target(1), async (s) => {
      await checkSudo(s);
      expect((await s.execOk(['id', '-u'], { sudo: true })).stdout).toBe('0\n');
      expect((await s.execOk(['cat'], { sudo: true, stdin: 'line1\nline2' })).stdout).toBe('line1\nline2');
    });
    await withHost({ ...lab.target(1), becomePassword: 'wrong-sudo' }, async (s) => {
      const e = await failure(checkSudo(s));
      expect(e.kind).toBe('sudo-password');
      expect(e.details.stderrTail).toMatch(/incorrect password attempt/);
    });
  });

  it('returns exit codes, throws command-failed with the stderr tail, and stops commands at their timeout', async () => {
    await withHost(lab.target(1, 'user-key'), async (s) => {
      const script = 'for i in $(seq 1 15); do echo "err $i" >&2; done; exit 3';
      expect((await s.exec(['sh', '-c', script])).exitCode).toBe(3);
      const e = await failure(s.execOk(['sh', '-c', script]));
      expect(e).toMatchObject({ kind: 'command-failed', details: { exitCode: 3 } });
      expect(e.details.stderrTail?.split('\n')).toEqual(Array.from({ length: 10 }, (_, i) => `err ${i + 6}`));
      const t0 = Date.now();
      expect((await failure(s.exec(['sleep', '30'], { timeoutMs: 300 }))).kind).toBe('command-timeout');
      expect(Date.now() - t0).toBeLessThan(3000);
      expect((await s.exec(['echo', 'still usable'])).stdout).toBe('still usable\n');
    });
  });

  it('passes hostile argv strings through the remote shell unchanged', async () => {
    const hostile = ["it's", '"double" $HOME `id` $(id)', 'a;b|c&&d', '\\back\\slash', 'new\nline', '  spaces  ', '', '*', "'", '-n', 'ünï©ødé'];
    await withHost(lab.target(1), async (s) => {
      for (const h of hostile) expect((await s.execOk(['printf', '%s', h])).stdout).toBe(h);
      expect((await s.execOk(['printf', '%s', hostile.join('|')], { sudo: true })).stdout).toBe(hostile.join('|'));
    });
  });

  it('keyboard-interactive: a host offering no "password" method still accepts the password', async () => {
    await labFault('kbd-only', lab.host(2).name);
    const e = await failure(connectHost({ ...lab.target(2), auth: { kind: 'password', password: 'wrong' } }));
    expect(e.details.methods).toEqual(['publickey', 'keyboard-interactive']);
    await withHost(lab.target(2), async (s) => expect((await s.exec(['hostname'])).stdout.trim()).toBe(lab.host(2).name));
    await labFault('break-password', lab.host(2).name);
    const off = await failure(connectHost(lab.target(2)));
    expect(off.kind).toBe('auth');
    expect(off.details.methods).toEqual(['publickey']);
    expect(off.hint).toMatch(/PasswordAuthentication no/);
    await labFault('restore', lab.host(2).name);
  });

  it('stopped host -> refused; unused address -> refused or timeout', async () => {
    await labFault('stop', lab.host(3).name);
    expect((await failure(connectHost(lab.target(3)))).kind).toBe('refused');
    const nobody = await failure(connectHost({ ...lab.target(3), name: 'ghost', address: '127.0.0.250' }, { connectTimeoutMs: 1000 }));
    expect(['refused', 'timeout']).toContain(nobody.kind);
    await labFault('start', lab.host(3).name);
  });

  it('changed host key -> host-key-changed naming both fingerprints', async () => {
    const before = lab.target(4, 'root-key');
    await labFault('rekey', lab.host(4).name);
    const e = await failure(connectHost(before));
    expect(e.kind).toBe('host-key-changed');
    expect(e.message).toContain(`the host key of ${lab.host(4).name} changed: expected ${before.expectedHostKey?.fingerprint}, got SHA256:`);
    await lab.refresh();
    // the refused key itself comes with the error, so accepting it can store the real key
    expect(e.details.actualFingerprint).toBe(lab.host(4).hostKeyFingerprint);
    expect(e.details.actualAlgorithm).toBe(lab.host(4).hostKeyAlgorithm);
    expect(fingerprintOf(Buffer.from(e.details.actualPublicKey ?? '', 'base64'))).toBe(lab.host(4).hostKeyFingerprint);
    await withHost(lab.target(4, 'root-key'), async (s) => expect(s.hostKey.state).toBe('matched'));
  });
});
