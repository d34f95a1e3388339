/**
 * Keys of a stage (no lab needed, real ssh-keygen): a key with a passphrase goes to the taskbox
 * already unlocked, so ssh never prompts for it; nothing of it (nor the passphrase) stays on the
 * wizard's disk; a wrong passphrase is an error naming the hosts, at once. Throw-away test keys.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedConfig } from '@/lib/config/fixtures';
import type { Host, InstallConfig } from '@/lib/config/schema';
import { assertValid } from '@/lib/config/validate';
import { unlockedHostKeys } from './run-files';

const PASSPHRASE = 'Key-Pass$1;\'q\'"dq"%s\\';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-keys-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function newKey(name: string, passphrase: string): { text: string; pub: string } {
  const file = path.join(work, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', name, '-f', file]);
  return { text: fs.readFileSync(file, 'utf8'), pub: fs.readFileSync(`${file}.pub`, 'utf8').split(' ').slice(0, 2).join(' ') };
}

/** The public key OpenSSH reads from `file` with an EMPTY passphrase (throws when it is locked). */
function publicOf(file: string): string {
  return execFileSync('ssh-keygen', ['-y', '-P', '', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim()
    .split(' ')
    .slice(0, 2)
    .join(' ');
}

const shared = newKey('shared', PASSPHRASE);
const plain = newKey('plain', '');

function configWith(keys: { text: string; passphrase: string }[]): { config: InstallConfig; hosts: Host[] } {
  const raw = seedConfig();
  const remote = raw.hosts.filter((h) => !h.taskbox);
  for (const h of raw.hosts) if (h.auth.kind === 'password') h.auth.password = { set: true, value: 'pw' };
  remote.forEach((h, i) => {
    const k = keys[i];
    if (k) h.auth = { kind: 'key', privateKey: { set: true, value: k.text }, passphrase: k.passphrase ? { set: true, value: k.passphrase } : { set: false } };
  });
  return { config: assertValid(raw), hosts: remote.slice(0, keys.length) };
}

function filesHolding(dir: string, needle: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && fs.readFileSync(p).includes(Buffer.from(needle))) out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** The public key OpenSSH reads from `text` with an EMPTY passphrase (throws when it is locked). */
function publicOfText(text: string): string {
  const file = path.join(work, `probe-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, text, { mode: 0o600 });
  try {
    return publicOf(file);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe('keys of a stage', () => {
  it('the test key really is locked', () => {
    const locked = path.join(work, 'shared');
    expect(() => publicOf(locked)).toThrow();
  });

  it('unlocks keys with a passphrase, once per shared key, and leaves nothing on the disk', () => {
    const runDir = fs.mkdtempSync(path.join(work, 'run-'));
    const { hosts } = configWith([
      { text: shared.text, passphrase: PASSPHRASE },
      { text: shared.text, passphrase: PASSPHRASE },
      { text: plain.text, passphrase: '' },
    ]);
    const keys = unlockedHostKeys(runDir, hosts);
    const [a, b, c] = hosts.map((h) => keys.get(h.name) ?? '');
    expect(publicOfText(a ?? '')).toBe(shared.pub);
    expect(b).toBe(a);
    expect(c).toBe(plain.text);
    expect(a).not.toBe(shared.text);
    expect(filesHolding(runDir, PASSPHRASE)).toEqual([]);
    expect(fs.readdirSync(runDir).filter((f) => f !== 'askpass')).toEqual([]);
  });

  it('a wrong passphrase throws one error naming every host of that key, without the passphrase', () => {
    const runDir = fs.mkdtempSync(path.join(work, 'run-'));
    const wrong = `${PASSPHRASE}-wrong`;
    const { hosts } = configWith([
      { text: shared.text, passphrase: wrong },
      { text: plain.text, passphrase: '' },
      { text: shared.text, passphrase: wrong },
    ]);
    let message = '';
    try {
      unlockedHostKeys(runDir, hosts);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe(
      `the private key of ${hosts[0]?.name}, ${hosts[2]?.name} could not be opened with its passphrase: incorrect passphrase supplied to decrypt private key`,
    );
    expect(message.includes(PASSPHRASE)).toBe(false);
    expect(filesHolding(runDir, PASSPHRASE)).toEqual([]);
    expect(fs.readdirSync(runDir).filter((f) => f !== 'askpass')).toEqual([]);
  });
});
