/**
 * The one wrapper every app/api route handler goes through. In order:
 *   1. Host check: one of the wizard's own hosts (wizard-origins.ts), else 421 — unless `anyHost`;
 *   2. session check (401 `{error:"not logged in"}`) unless `auth: false`;
 *   3. CSRF check for POST/PUT/PATCH/DELETE: an `Origin` header that is one of the wizard's own
 *      origins, scheme included, else 403;
 *   4. JSON body parsing for POST/PUT/PATCH, reading at most the path's body limit (body-limits.ts,
 *      413 beyond it, counted as the bytes arrive); 400 `{error:"malformed JSON: ..."}`; empty
 *      body = undefined;
 *   4. errors -> answers: ValidationError/ZodError 422 `{errors,warnings}`, HttpError its status,
 *      the wizard's storage full or read-only 507 with what to do (server/storage-errors.ts),
 *      anything else 500 with a generic message (logged server-side without the request body).
 * Cookies are read from the raw `Cookie` header so handlers are plain, testable functions.
 *
 * Each route names its key in the contract table (lib/api/routes.ts): its params are typed from the
 * path, and its handler must answer the table's response type (the data itself for a 200, `reply`
 * for another status or headers, a Response only for a file route), so the answer cannot drift from
 * what the browser's `api()` expects.
 */
import { ZodError } from 'zod';
import type { ApiErrorBody } from '@/lib/api/errors';
import type { ApiRoute, FileAnswer, NoContent, ParamsOf, ResponseOf } from '@/lib/api/routes';
import { hasWizardOrigin, isStateChanging } from '../auth/check-origin';
import { findSession, type SessionInfo } from '../auth/find-session';
import { readSessionToken } from '../auth/session-cookie';
import { describeStorageError } from '../storage-errors';
import { bodyLimitFor, readBodyText } from './body-limits';
import { HttpError, ValidationError } from './errors';
import { isAllowedHost, UNKNOWN_HOST_MESSAGE } from './wizard-origins';
import { zodIssuesToFields } from './parse-input';

export interface ApiContext<P> {
  request: Request;
  params: P;
  /** Parsed JSON body (POST/PUT/PATCH), undefined when the body is empty or the method has none. */
  body: unknown;
  session: SessionInfo | null;
}

export interface ApiOptions {
  auth: boolean;
  /** Answer whatever the Host header says (only the health probe: load balancers ask by IP). */
  anyHost?: boolean;
}

export type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** A JSON answer with a status or headers other than 200 / none. */
export class Reply<T> {
  constructor(
    readonly data: T,
    readonly status: number,
    readonly headers: Record<string, string | string[]>,
  ) {}
}

export function reply<T>(data: T, status = 200, headers: Record<string, string | string[]> = {}): Reply<T> {
  return new Reply(data, status, headers);
}

/** What a route's handler may return: its contract's data (or a Reply of it); a file route's Response; 204 for no content. */
export type AnswerOf<R extends ApiRoute> =
  ResponseOf<R> extends FileAnswer ? Response : ResponseOf<R> extends NoContent ? Reply<NoContent> : ResponseOf<R> | Reply<ResponseOf<R>>;

function toResponse(answer: unknown): Response {
  if (answer instanceof Response) return answer;
  if (answer instanceof Reply) return answer.status === 204 ? new Response(null, { status: 204 }) : jsonResponse(answer.data, answer.status, answer.headers);
  return jsonResponse(answer);
}

export const CSRF_MESSAGE = "cross-site request refused: send an Origin header that is the wizard's own address (scheme, host and port)";

/** A JSON answer; a header given as a list is sent once per value (several Set-Cookie). */
export function jsonResponse(data: unknown, status = 200, headers: Record<string, string | string[]> = {}): Response {
  const all = new Headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const v of value) all.append(name, v);
    else all.set(name, value);
  }
  return new Response(JSON.stringify(data), { status, headers: all });
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

async function readJsonBody(request: Request): Promise<unknown> {
  if (!BODY_METHODS.has(request.method.toUpperCase())) return undefined;
  const text = await readBodyText(request, bodyLimitFor(new URL(request.url).pathname));
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new HttpError(400, `malformed JSON: ${(err as Error).message}`);
  }
}

/** A refusal: its body is the one shape the browser's api() reads (lib/api/errors.ts). */
const refusal = (body: ApiErrorBody, status: number, headers?: Record<string, string>): Response => jsonResponse(body, status, headers);

function errorResponse(err: unknown, request: Request): Response {
  if (err instanceof ValidationError) return refusal({ errors: err.errors, warnings: err.warnings }, 422);
  if (err instanceof ZodError) return refusal({ errors: zodIssuesToFields(err.issues), warnings: [] }, 422);
  if (err instanceof HttpError) return refusal({ ...err.details, error: err.message }, err.status, err.headers);
  const e = err instanceof Error ? err : new Error(String(err));
  console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed: ${e.name}: ${e.message}\n${e.stack ?? ''}`);
  // A failed write is rolled back: say why, and that retrying after freeing space is safe.
  const storage = describeStorageError(err);
  if (storage) return refusal({ error: `${storage} Nothing of this request was saved.` }, 507);
  return refusal({ error: 'internal error: see the server log' }, 500);
}

const contractRoutes = new WeakMap<object, ApiRoute>();

/** The contract key a handler was made for (api-guards.test.ts compares it with the route file's path). */
export function contractRouteOf(handler: unknown): ApiRoute | undefined {
  return typeof handler === 'function' ? contractRoutes.get(handler) : undefined;
}

export function withApi<R extends ApiRoute>(
  route: R,
  handler: (ctx: ApiContext<ParamsOf<R>>) => Promise<AnswerOf<R>>,
  options: ApiOptions,
): RouteHandler<ParamsOf<R>> {
  const routeHandler: RouteHandler<ParamsOf<R>> = async (request, context) => {
    try {
      if (!options.anyHost && !isAllowedHost(request.headers.get('host'))) return refusal({ error: UNKNOWN_HOST_MESSAGE }, 421);
      const session = await findSession(readSessionToken(request.headers.get('cookie')));
      if (options.auth && !session) return refusal({ error: 'not logged in' }, 401);
      if (isStateChanging(request.method) && !hasWizardOrigin(request.headers)) {
        return refusal({ error: CSRF_MESSAGE }, 403);
      }
      const body = await readJsonBody(request);
      const params = ((await context?.params) ?? {}) as ParamsOf<R>;
      return toResponse(await handler({ request, params, body, session }));
    } catch (err) {
      return errorResponse(err, request);
    }
  };
  contractRoutes.set(routeHandler, route);
  return routeHandler;
}
