/**
 * Fetches the key an endpoint presents WITHOUT authenticating: the host verifier records the key
 * and refuses it, which ends the handshake before any authentication request, so not even a user
 * name is sent. This is how a first contact learns a key for the operator to compare and trust.
 */
import ssh2 from 'ssh2';
import { classifySshError } from './errors';
import { algorithmOf, fingerprintOf } from './host-key';
import type { PresentedHostKey } from './types';

const { Client } = ssh2;

export interface ProbeTarget {
  /** Inventory name, for messages. */
  name: string;
  address: string;
  port: number;
}

export function probeHostKey(target: ProbeTarget, opts: { connectTimeoutMs?: number; readyTimeoutMs?: number } = {}): Promise<PresentedHostKey> {
  const connectTimeoutMs = opts.connectTimeoutMs ?? 8000;
  const readyTimeoutMs = opts.readyTimeoutMs ?? 15_000;
  return new Promise<PresentedHostKey>((resolve, reject) => {
    let presented: PresentedHostKey | undefined;
    let settled = false;
    const client = new Client();
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      client.on('error', () => undefined);
      client.end();
      client.destroy();
      if (presented) resolve(presented);
      else
        reject(
          classifySshError(err ?? new Error('the server closed the connection before presenting a host key'), target.name, {
            address: target.address,
            port: target.port,
          }),
        );
    };
    const connectTimer = setTimeout(() => {
      const e = new Error(`no TCP connection within ${Math.round(connectTimeoutMs / 1000)} s`) as Error & { code: string };
      e.code = 'ETIMEDOUT';
      finish(e);
    }, connectTimeoutMs);
    client.on('connect', () => clearTimeout(connectTimer));
    client.on('ready', () => finish(new Error('the server accepted a connection that was never authenticated')));
    client.on('error', (err) => finish(err));
    client.on('close', () => finish());
    try {
      client.connect({
        host: target.address,
        port: target.port,
        // ssh2 wants a user name; it is never sent (authentication would start after the verifier)
        username: 'ksw-host-key-probe',
        readyTimeout: connectTimeoutMs + readyTimeoutMs,
        // never called: the verifier below ends the handshake first; refuse all the same
        authHandler: () => false,
        hostVerifier: (key: Buffer): boolean => {
          presented = { algorithm: algorithmOf(key), fingerprint: fingerprintOf(key), publicKey: key.toString('base64'), state: 'new' };
          return false;
        },
      });
    } catch (e) {
      finish(e);
    }
  });
}
