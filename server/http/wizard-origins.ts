/**
 * The origins the wizard is reached at: http://localhost, 127.0.0.1 and [::1] on its port, the
 * address it listens on (every interface address when that is 0.0.0.0 or ::), and KSW_PUBLIC_URL
 * (the URL in front of a reverse proxy). A request whose Host is none of these is refused (DNS
 * rebinding: a foreign name that resolves to the wizard), and a state-changing request or a
 * socket.io connection must carry an Origin that is one of them exactly, scheme included.
 *
 * The list is registered when the HTTP server serving the wizard starts listening (the port is
 * known only then, e.g. port 0 in tests): registerOriginsWhenListening, called by the custom server
 * and by the socket.io attachment; before that, and in route tests without a server, it is derived
 * from the env.
 * Kept on globalThis: Next's route bundles and the custom server share it.
 */
import type { Server as HttpServer } from 'node:http';
import os from 'node:os';
import { loadEnv, type Env } from '../env';

const globalOrigins = globalThis as unknown as { __kswOrigins?: ReadonlySet<string> };

const WILDCARD = new Set(['0.0.0.0', '::']);
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

const hostPart = (address: string) => (address.includes(':') ? `[${address}]` : address);

function interfaceAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((entry) => !entry.address.startsWith('fe80:'))
    .map((entry) => entry.address);
}

/** Every origin the wizard answers to when listening on `host`:`port`. */
export function wizardOrigins(env: Pick<Env, 'host' | 'publicUrls'>, port: number): string[] {
  const names = new Set(LOOPBACK_NAMES);
  const bound = env.host.toLowerCase();
  if (WILDCARD.has(bound)) for (const address of interfaceAddresses()) names.add(hostPart(address));
  else names.add(hostPart(bound));
  return [...[...names].map((name) => `http://${name}:${port}`), ...env.publicUrls];
}

export function registerWizardOrigins(origins: readonly string[]): void {
  globalOrigins.__kswOrigins = new Set(origins.map((o) => o.toLowerCase()));
}

/** Registers the wizard's origins for `server`'s port as soon as it listens (now, if it does). */
export function registerOriginsWhenListening(server: HttpServer): void {
  const register = () => {
    const address = server.address();
    if (typeof address === 'object' && address) registerWizardOrigins(wizardOrigins({ host: address.address, publicUrls: loadEnv().publicUrls }, address.port));
  };
  if (server.listening) register();
  else server.once('listening', register);
}

export function allowedOrigins(): ReadonlySet<string> {
  if (!globalOrigins.__kswOrigins) {
    const env = loadEnv();
    return new Set(wizardOrigins(env, env.port).map((o) => o.toLowerCase()));
  }
  return globalOrigins.__kswOrigins;
}

export function isAllowedOrigin(origin: string | null | undefined): boolean {
  return typeof origin === 'string' && allowedOrigins().has(origin.toLowerCase());
}

/** A Host header names the wizard when some allowed origin has that host (default ports optional). */
export function isAllowedHost(host: string | null | undefined): boolean {
  if (!host) return false;
  const wanted = host.trim().toLowerCase();
  for (const origin of allowedOrigins()) {
    const url = new URL(origin);
    if (url.host === wanted) return true;
    if (url.port === '' && `${url.host}:${url.protocol === 'https:' ? 443 : 80}` === wanted) return true;
  }
  return false;
}

export const UNKNOWN_HOST_MESSAGE =
  'this server does not answer to that host name: open the wizard at its own address, or list its public URL in KSW_PUBLIC_URL';
