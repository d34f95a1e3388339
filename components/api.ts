/**
 * Browser-side JSON client for the same-origin API. State-changing requests always send JSON
 * (the browser adds the Origin header the server's CSRF check relies on). Errors come back as
 * values, never thrown, so every caller handles 401/422/429 explicitly. Routes and their answers are
 * the contract table's (lib/api/routes.ts), the same types the route handlers are checked against.
 */
import type { AuthState } from '@/lib/api/auth';
import type { FieldIssue, RefusedRun } from '@/lib/api/errors';
import { routeParts, routeUrl, type ApiRoute, type BodyOf, type ParamsOf, type ResponseOf } from '@/lib/api/routes';

export type { AuthState };
export type ApiIssue = FieldIssue;
export type ApiRefusedRun = RefusedRun;

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; errors: ApiIssue[]; message: string; retryAfter?: number; run?: ApiRefusedRun };

type ParamsPart<R extends ApiRoute> = keyof ParamsOf<R> extends never ? { params?: undefined } : { params: ParamsOf<R> };
type BodyPart<R extends ApiRoute> = undefined extends BodyOf<R> ? { body?: BodyOf<R> } : { body: BodyOf<R> };
/** `keepalive` lets a request outlive the page (a save sent while the tab closes). */
export type ApiRequest<R extends ApiRoute> = ParamsPart<R> & BodyPart<R> & { query?: Record<string, string>; keepalive?: boolean };
type ApiArgs<R extends ApiRoute> = object extends ApiRequest<R> ? [request?: ApiRequest<R>] : [request: ApiRequest<R>];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function refusedRunOf(body: unknown): ApiRefusedRun | undefined {
  if (!isRecord(body) || !isRecord(body.run)) return undefined;
  const { id, installId, label } = body.run;
  return typeof id === 'string' && typeof installId === 'string' && typeof label === 'string' ? { id, installId, label } : undefined;
}

function issuesOf(body: unknown): ApiIssue[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.filter(isRecord).map((e) => ({
    path: typeof e.path === 'string' ? e.path : '',
    message: typeof e.message === 'string' ? e.message : 'Invalid value',
  }));
}

/**
 * Calls a route of the contract table (lib/api/routes.ts) and answers with its response type, e.g.
 * `api('GET /api/installs/:id', { params: { id } })`.
 */
export async function api<R extends ApiRoute>(route: R, ...[request]: ApiArgs<R>): Promise<ApiResult<ResponseOf<R>>> {
  const { method } = routeParts(route);
  const url = routeUrl(route, (request?.params ?? {}) as ParamsOf<R>, request?.query);
  const body: unknown = request?.body;
  const options = { keepalive: request?.keepalive };
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      keepalive: options.keepalive,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, errors: [], message: 'The server cannot be reached' };
  }
  let parsed: unknown = undefined;
  const text = await res.text();
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  // the one place an answer is taken as its contract's type: the route handler was checked against the same type
  if (res.ok) return { ok: true, status: res.status, data: (parsed ?? null) as ResponseOf<R> };
  const retry = Number(res.headers.get('retry-after'));
  const message = isRecord(parsed) && typeof parsed.error === 'string' ? parsed.error : `${res.status} ${res.statusText}`;
  return {
    ok: false,
    status: res.status,
    errors: issuesOf(parsed),
    message,
    retryAfter: Number.isFinite(retry) && retry > 0 ? retry : undefined,
    run: refusedRunOf(parsed),
  };
}

export async function fetchAuthState(): Promise<AuthState | null> {
  const r = await api('GET /api/auth/state');
  return r.ok ? r.data : null;
}
