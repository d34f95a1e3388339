/**
 * What the front door (server/http/front-door.ts) learnt from the TCP connection, stamped into
 * request headers that overwrite any value the client sent:
 *   - `x-ksw-client-address`: the TCP peer, or — when the peer is a reverse proxy listed in
 *     KSW_TRUSTED_PROXIES — the client its X-Forwarded-For names. Keys the failed-login throttle
 *     (behind a proxy every client would otherwise share the proxy's address);
 *   - `x-ksw-https`: `1` when the client reached the wizard over https, i.e. the peer is a trusted
 *     proxy saying `X-Forwarded-Proto: https` (a client cannot claim it for itself). Decides the
 *     cookies' Secure flag.
 */
export const CLIENT_ADDRESS_HEADER = 'x-ksw-client-address';
export const HTTPS_HEADER = 'x-ksw-https';

export function getClientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}

/** True when the request came over TLS, to the wizard or to a trusted proxy that says so. */
export function cameOverHttps(
  peer: string | undefined,
  encrypted: boolean,
  forwardedProto: string | string[] | undefined,
  trustedProxies: readonly string[],
): boolean {
  if (encrypted) return true;
  if (!trustedProxies.includes(normaliseAddress(peer ?? '')) || forwardedProto === undefined) return false;
  const first = (Array.isArray(forwardedProto) ? forwardedProto.join(',') : forwardedProto).split(',')[0];
  return first?.trim().toLowerCase() === 'https';
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; other addresses as they are. */
export function normaliseAddress(address: string): string {
  const a = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a;
}

/**
 * The client behind `peer`: the peer itself unless it is a trusted proxy; then the right-most
 * X-Forwarded-For hop that is not a trusted proxy (hops left of it are the client's own claims).
 */
export function clientAddressOf(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: readonly string[]): string {
  const from = normaliseAddress(peer ?? 'unknown');
  if (!trustedProxies.includes(from) || forwardedFor === undefined) return from;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map(normaliseAddress)
    .filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i] ?? '';
    if (!trustedProxies.includes(hop)) return hop;
  }
  return from;
}
