/**
 * The custom server's first look at every HTTP request, before Next (socket.io's requests get the
 * same checks in server/realtime/io.ts). In order:
 *   1. stamps `x-ksw-client-address` and `x-ksw-https` from the TCP connection (client-address.ts);
 *   2. sets the security headers (security-headers.ts) on the answer, whatever it will be;
 *   3. 405 for a method the wizard does not serve (TRACE, CONNECT, …);
 *   4. 421 for a Host that is not the wizard's (wizard-origins.ts), except the health probe;
 *   5. 411 for a body without a Content-Length (Transfer-Encoding: chunked): Next reads such a body
 *      whole before a route could stop it, and browsers and curl always declare the length;
 *   6. 413 for a declared Content-Length over the path's limit (body-limits.ts), without reading
 *      the body (Node's parser never reads past a declared length).
 * After a 413 (its own, or withApi's, which counts bytes as it reads) it closes the connection: a
 * half-close at once, so the client gets the answer, then the connection is dropped a moment later
 * with the rest of the body unread.
 * Returns true when it answered the request itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyLimitFor, declaredLength, tooLargeMessage } from './body-limits';
import { cameOverHttps, CLIENT_ADDRESS_HEADER, clientAddressOf, HTTPS_HEADER } from './client-address';
import { securityHeaders } from './security-headers';
import { isAllowedHost, UNKNOWN_HOST_MESSAGE } from './wizard-origins';

export const SERVED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const SERVED = new Set<string>(SERVED_METHODS);

/** Paths any Host may ask for: the liveness probe (a load balancer asks by IP address). */
const ANY_HOST_PATHS = new Set(['/api/health']);

export interface FrontDoorOptions {
  trustedProxies: readonly string[];
  dev: boolean;
}

const LINGER_MS = 1000;

function closeAfterAnswer(req: IncomingMessage): void {
  req.socket.end();
  setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
}

function refuse(res: ServerResponse, status: number, error: string, headers: Record<string, string> = {}): true {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ error }));
  return true;
}

export function createFrontDoor(options: FrontDoorOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const headers = Object.entries(securityHeaders(options.dev));
  return (req, res) => {
    const peer = req.socket.remoteAddress;
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(peer, req.headers['x-forwarded-for'], options.trustedProxies);
    const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true;
    req.headers[HTTPS_HEADER] = cameOverHttps(peer, encrypted, req.headers['x-forwarded-proto'], options.trustedProxies) ? '1' : '0';
    for (const [name, value] of headers) res.setHeader(name, value);
    res.once('finish', () => {
      if (res.statusCode === 413) closeAfterAnswer(req);
    });

    const method = (req.method ?? '').toUpperCase();
    if (!SERVED.has(method)) return refuse(res, 405, `method ${method} is not served here`, { allow: SERVED_METHODS.join(', ') });
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (!ANY_HOST_PATHS.has(pathname) && !isAllowedHost(req.headers.host)) return refuse(res, 421, UNKNOWN_HOST_MESSAGE);
    if (req.headers['transfer-encoding'] !== undefined) {
      return refuse(res, 411, 'send the request body with a Content-Length (chunked bodies are not accepted)', { connection: 'close' });
    }
    const limit = bodyLimitFor(pathname);
    const length = declaredLength(req.headers['content-length']);
    if (length !== undefined && length > limit) return refuse(res, 413, tooLargeMessage(limit));
    return false;
  };
}
