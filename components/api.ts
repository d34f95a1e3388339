/**
 * Browser-side JSON client for the same-origin API. State-changing requests always send JSON
 * (the browser adds the Origin header the server's CSRF check relies on). Errors come back as
 * values, never thrown, so every caller handles 401/422/429 explicitly.
 */
export interface ApiIssue {
  path: string;
  message: string;
}

/** The run a refusal names (server/runner/run-refusal.ts), so the page can link to it. */
export interface ApiRefusedRun {
  id: string;
  installId: string;
  label: string;
}

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; errors: ApiIssue[]; message: string; retryAfter?: number; run?: ApiRefusedRun };

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

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

/** `keepalive` lets a request outlive the page (a save sent while the tab closes). */
export async function api<T>(method: Method, url: string, body?: unknown, options: { keepalive?: boolean } = {}): Promise<ApiResult<T>> {
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
  if (res.ok) return { ok: true, status: res.status, data: parsed as T };
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

export interface AuthState {
  setupNeeded: boolean;
  loggedIn: boolean;
}

export async function fetchAuthState(): Promise<AuthState | null> {
  const r = await api<AuthState>('GET', '/api/auth/state');
  return r.ok ? r.data : null;
}
