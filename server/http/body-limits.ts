/**
 * How many bytes a request body may have, by path: small for the auth routes (a password and a
 * token), larger for imports (two installer files, lib/installer/import-limits.ts), a default for
 * the rest. Refused with 413 at two points, both before the body is parsed:
 *   - the front door (server/http/front-door.ts) answers a declared Content-Length over the limit
 *     without reading anything;
 *   - withApi reads a body through `readBodyText`, which counts bytes as they arrive and stops at
 *     the limit (a chunked body has no Content-Length to check).
 * After a 413 the front door closes the connection, so the rest of the body is never read.
 * Every route gets a limit: there is no path without one.
 */
import { HttpError } from './errors';

export const AUTH_BODY_LIMIT = 4 * 1024;
export const IMPORT_BODY_LIMIT = 2 * 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export function bodyLimitFor(pathname: string): number {
  if (pathname.startsWith('/api/auth/')) return AUTH_BODY_LIMIT;
  if (pathname === '/api/installs/import') return IMPORT_BODY_LIMIT;
  return DEFAULT_BODY_LIMIT;
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

export function tooLargeMessage(limit: number): string {
  return `request body too large: this route accepts at most ${describeBytes(limit)}`;
}

/** The declared Content-Length, or undefined when absent or not a number. */
export function declaredLength(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/** The body as text, refusing (HttpError 413) as soon as more than `limit` bytes arrived. */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = declaredLength(request.headers.get('content-length'));
  if (declared !== undefined && declared > limit) throw new HttpError(413, tooLargeMessage(limit));
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      // not cancel(): that destroys the connection before the 413 is sent; the front door closes it
      reader.releaseLock();
      throw new HttpError(413, tooLargeMessage(limit));
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
