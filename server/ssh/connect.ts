/**
 * Opens an authenticated SSH connection (the only place ssh2's Client is created).
 *
 * - Auth: a private key (optionally with passphrase), or a password tried as "password" or, when
 *   the server only offers it, "keyboard-interactive" (every prompt answered with the password).
 *   The first attempt is "none", which makes the server list its methods; that list is kept for
 *   the 'auth' error message.
 * - Host key: checked in ssh2's host verifier, which runs before authentication, so a refused key
 *   never sees a password, a key signature or a sudo answer. With `expectedHostKey` a different key
 *   is refused ('host-key-changed', with the presented key's algorithm and base64 blob in its
 *   details). Without it the connection is refused before dialing ('host-key-untrusted') unless
 *   the caller passes `trustOnFirstUse` (the operator chose "trust new keys"); then the key is
 *   accepted and reported with state 'new'. To learn an unknown key, use probeHostKey.
 * - Deadlines: TCP connect (`connectTimeoutMs`, default 8 s), then handshake + auth (`readyTimeoutMs`).
 */
import ssh2 from 'ssh2';
import type { AnyAuthMethod, AuthenticationType, KeyboardInteractiveCallback, Prompt } from 'ssh2';
import { classifySshError, hostKeyUntrustedError, SshError, type ClassifyContext } from './errors';
import { algorithmOf, fingerprintOf, sameFingerprint } from './host-key';
import { SshSession } from './session';
import type { ConnectOptions, PresentedHostKey, SshTarget } from './types';

const { Client, utils } = ssh2;

function checkKey(target: SshTarget): void {
  if (target.auth.kind !== 'key') return;
  const parsed = utils.parseKey(target.auth.privateKey, target.auth.passphrase);
  if (parsed instanceof Error) {
    const encrypted = /passphrase|decrypt|encrypted/i.test(parsed.message);
    throw new SshError(
      'key-format',
      target.name,
      encrypted
        ? `the private key for ${target.name} is encrypted and the passphrase is missing or wrong`
        : `the private key for ${target.name} cannot be read: ${parsed.message}`,
      encrypted ? 'enter the passphrase of the key' : 'paste the whole private key (OpenSSH or PEM format, including the BEGIN/END lines)',
    );
  }
}

function authPlan(target: SshTarget): AnyAuthMethod[] {
  const username = target.user;
  if (target.auth.kind === 'key') {
    return [{ type: 'publickey', username, key: target.auth.privateKey, ...(target.auth.passphrase ? { passphrase: target.auth.passphrase } : {}) }];
  }
  const password = target.auth.password;
  let rounds = 0;
  const prompt = (_name: string, _instr: string, _lang: string, prompts: Prompt[], finish: KeyboardInteractiveCallback) => {
    rounds++;
    finish(rounds <= 2 ? prompts.map(() => password) : []);
  };
  return [
    { type: 'password', username, password },
    { type: 'keyboard-interactive', username, prompt },
  ];
}

export function connectHost(target: SshTarget, opts: ConnectOptions = {}): Promise<SshSession> {
  const connectTimeoutMs = opts.connectTimeoutMs ?? 8000;
  const readyTimeoutMs = opts.readyTimeoutMs ?? 15_000;
  return new Promise<SshSession>((resolve, reject) => {
    if (!target.expectedHostKey && opts.trustOnFirstUse !== true) {
      reject(hostKeyUntrustedError(target.name, target.address, target.port));
      return;
    }
    try {
      checkKey(target);
    } catch (e) {
      reject(e);
      return;
    }
    const ctx: ClassifyContext = { address: target.address, port: target.port, user: target.user };
    let presented: PresentedHostKey | undefined;
    let settled = false;
    const client = new Client();
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      client.removeAllListeners('ready');
      client.on('error', () => undefined);
      client.end();
      client.destroy();
      reject(classifySshError(err, target.name, ctx));
    };
    const connectTimer = setTimeout(() => {
      const e = new Error(`no TCP connection within ${Math.round(connectTimeoutMs / 1000)} s`) as Error & { code: string };
      e.code = 'ETIMEDOUT';
      fail(e);
    }, connectTimeoutMs);

    const plan = authPlan(target);
    let first = true;
    const authHandler = (methodsLeft: AuthenticationType[] | null): AnyAuthMethod | false => {
      if (first) {
        first = false;
        return { type: 'none', username: target.user };
      }
      if (methodsLeft) ctx.methods = [...methodsLeft];
      const offered = ctx.methods ?? [];
      while (plan.length > 0) {
        const next = plan.shift();
        if (!next) break;
        if (next.type === 'keyboard-interactive' && offered.includes('password')) continue; // password already tried
        if (offered.length === 0 || offered.includes(next.type)) return next;
      }
      return false;
    };

    client.on('connect', () => {
      clearTimeout(connectTimer);
      // Nagle's algorithm holds a small packet written right after another (exec request then EOF,
      // the auth exchange) until the server ACKs the first, which it delays by ~40 ms: every round
      // of the protocol would wait for it. SSH packets are whole messages; send them at once.
      client.setNoDelay(true);
    });
    client.on('ready', () => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      client.removeAllListeners('error');
      const hostKey = presented ?? { algorithm: 'unknown', fingerprint: 'unknown', publicKey: '', state: 'new' as const };
      resolve(new SshSession(client, target, hostKey, opts.maxChannels ?? 8));
    });
    client.on('error', fail);
    client.on('close', () => fail(new Error('the server closed the connection during the handshake')));
    try {
      client.connect({
        host: target.address,
        port: target.port,
        username: target.user,
        tryKeyboard: true,
        readyTimeout: connectTimeoutMs + readyTimeoutMs,
        keepaliveInterval: 15_000,
        authHandler,
        hostVerifier: (key: Buffer): boolean => {
          const fingerprint = fingerprintOf(key);
          const algorithm = algorithmOf(key);
          const expected = target.expectedHostKey;
          const ok = expected === undefined || sameFingerprint(expected, { algorithm, fingerprint });
          const publicKey = key.toString('base64');
          presented = { algorithm, fingerprint, publicKey, state: expected ? 'matched' : 'new' };
          if (!ok && expected) ctx.hostKeyMismatch = { expected: expected.fingerprint, actual: fingerprint, algorithm, publicKey };
          return ok;
        },
      });
    } catch (e) {
      fail(e);
    }
  });
}
