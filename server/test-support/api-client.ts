/**
 * Calls app/api route handlers as plain functions, the way Next does: a WHATWG Request plus
 * `{ params: Promise<...> }`. State-changing calls get a same-origin Origin header unless told otherwise.
 */
import { getDb } from '../db';
import { createSession } from '../auth/create-session';
import { hashPassword } from '../auth/hash-password';
import type { RouteHandler } from '../http/with-api';

export const TEST_HOST = 'wizard.test:3000';
export const TEST_ADMIN_PASSWORD = 'correct horse battery';

export interface CallOptions {
  method?: string;
  path?: string;
  /** Object -> JSON; string -> sent as is (for malformed JSON). */
  body?: unknown;
  cookie?: string;
  /** `undefined` = same origin for state-changing methods; `null` = no Origin header. */
  origin?: string | null;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function callRoute<P>(handler: RouteHandler<P>, options: CallOptions = {}): Promise<CallResult> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ host: TEST_HOST, ...options.headers });
  if (options.cookie) headers.set('cookie', options.cookie);
  const origin = options.origin === undefined && method !== 'GET' ? `http://${TEST_HOST}` : options.origin;
  if (origin) headers.set('origin', origin);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers.set('content-type', 'application/json');
  }
  const request = new Request(`http://${TEST_HOST}${options.path ?? '/api/test'}`, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Makes sure the admin exists (with TEST_ADMIN_PASSWORD) and returns a logged-in Cookie header. */
export async function adminCookie(): Promise<string> {
  const db = getDb();
  if (!(await db.admin.findUnique({ where: { id: 1 } }))) {
    await db.admin.create({ data: { id: 1, passwordHash: await hashPassword(TEST_ADMIN_PASSWORD) } });
  }
  return `ksw_session=${await createSession()}`;
}
