/**
 * The client address a request came from, as the custom server (server/index.ts) stamped it into
 * the `x-ksw-client-address` header from the TCP socket, overwriting any value the client sent.
 * Used only to key the failed-login throttle.
 */
export const CLIENT_ADDRESS_HEADER = 'x-ksw-client-address';

export function getClientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}
