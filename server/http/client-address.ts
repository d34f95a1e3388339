/**
 * The client address a request came from, as the custom server (server/start-server.ts) stamped it
 * into the `x-ksw-client-address` header, overwriting any value the client sent: the TCP peer, or —
 * when the peer is a reverse proxy listed in KSW_TRUSTED_PROXIES — the client its X-Forwarded-For
 * names. Used only to key the failed-login throttle (behind a proxy every client would otherwise
 * share the proxy's address, and one guesser would slow everybody's login down).
 */
export const CLIENT_ADDRESS_HEADER = 'x-ksw-client-address';

export function getClientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
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
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(normaliseAddress).filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i] ?? '';
    if (!trustedProxies.includes(hop)) return hop;
  }
  return from;
}
