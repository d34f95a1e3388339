/**
 * The API's contract table: every route as "METHOD /path/:param" → the body it takes and the JSON it
 * answers with. The route handlers are typed by it (server/http/with-api.ts: `withApi(route, …)`
 * checks what a handler returns), and so is the browser's fetcher (components/api.ts:
 * `api(route, …)` returns that type), so a route's answer and a page's expectation cannot drift.
 * Bodies are the zod inputs the server parses with (lib/api/*-input.ts). Refusals are ApiErrorBody
 * (lib/api/errors.ts). `FileAnswer` routes answer with a download, not JSON.
 */
import type { z } from 'zod';
import type { AuthState, LoggedOutEverywhere, OkAnswer } from './auth';
import type { loginInput, setupInput } from './auth-input';
import type { ClusterView, FinishView } from './cluster';
import type { createInstallInput, importInstallInput, updateInstallInput } from './install-input';
import type { CrossInstallHosts, ImportedInstall, InstallList, InstallView, LabView } from './installs';
import type { HostKeyView, PreflightRunView, ShownHostKey, TrustedHostKeys } from './preflight';
import type { retryRunInput, startInstallInput, startOperationInput } from './run-input';
import type { CancelAnswer, InstallGateView, RunSummary, RunView, StartedRun } from './runs';

/** A route answering with a file (text/plain, YAML, NDJSON) rather than JSON. */
export interface FileAnswer {
  readonly file: true;
}

/** A route answering 204 with no body. */
export type NoContent = null;

export interface ApiRoutes {
  'GET /api/health': { response: OkAnswer };
  'GET /api/auth/state': { response: AuthState };
  'POST /api/auth/login': { body: z.input<typeof loginInput>; response: OkAnswer };
  'POST /api/auth/setup': { body: z.input<typeof setupInput>; response: OkAnswer };
  'POST /api/auth/logout': { response: OkAnswer };
  'POST /api/auth/logout-everywhere': { response: LoggedOutEverywhere };

  'GET /api/installs': { response: InstallList };
  'POST /api/installs': { body: z.input<typeof createInstallInput>; response: InstallView };
  'POST /api/installs/import': { body: z.input<typeof importInstallInput>; response: ImportedInstall };
  'GET /api/installs/:id': { response: InstallView };
  'PUT /api/installs/:id': { body: z.input<typeof updateInstallInput>; response: InstallView };
  'DELETE /api/installs/:id': { response: NoContent };
  'GET /api/installs/:id/files/:file': { response: FileAnswer };
  'GET /api/installs/:id/host-conflicts': { response: CrossInstallHosts };
  'POST /api/installs/:id/use-lab': { response: InstallView };
  'GET /api/lab': { response: LabView };

  'POST /api/installs/:id/preflight': { body: { hosts?: string[]; trustNewKeys?: boolean } | undefined; response: StartedRun };
  'GET /api/installs/:id/preflight/latest': { response: PreflightRunView | null };
  'GET /api/preflight/:runId': { response: PreflightRunView };
  'GET /api/installs/:id/host-keys': { response: HostKeyView[] };
  /** One key ({host, fingerprint, address?}) answers that key; {keys} answers TrustedHostKeys. */
  'POST /api/installs/:id/host-keys/trust': { body: ShownHostKey | { keys: ShownHostKey[] }; response: HostKeyView | TrustedHostKeys };

  'GET /api/installs/:id/install-gate': { response: InstallGateView };
  'GET /api/installs/:id/runs': { response: RunSummary[] };
  'POST /api/installs/:id/runs': { body: z.input<typeof startInstallInput>; response: StartedRun };
  'GET /api/runs/:id': { response: RunView };
  'GET /api/runs/:id/log': { response: FileAnswer };
  'POST /api/runs/:id/cancel': { response: CancelAnswer };
  'POST /api/runs/:id/retry': { body: z.input<typeof retryRunInput>; response: StartedRun };

  'POST /api/installs/:id/operations': { body: z.input<typeof startOperationInput>; response: StartedRun };
  'GET /api/installs/:id/cluster': { response: ClusterView };
  'GET /api/installs/:id/finish': { response: FinishView };
  'GET /api/installs/:id/kubeconfig': { response: FileAnswer };
}

export type ApiRoute = keyof ApiRoutes;
export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type ResponseOf<R extends ApiRoute> = ApiRoutes[R]['response'];
/** A route without a body takes none, or `{}` (what the pages send to a bodiless POST). */
export type EmptyBody = Record<string, never>;
export type BodyOf<R extends ApiRoute> = ApiRoutes[R] extends { body: infer B } ? B : EmptyBody | undefined;

type PathOf<R extends string> = R extends `${string} ${infer P}` ? P : never;
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
/** The path parameters of a route, e.g. { id: string } for "GET /api/installs/:id". */
export type ParamsOf<R extends ApiRoute> = { [K in ParamNames<PathOf<R>>]: string };

/** The method and path of a route key. */
export function routeParts(route: ApiRoute): { method: ApiMethod; path: string } {
  const [method, path] = route.split(' ') as [ApiMethod, string];
  return { method, path };
}

/** The URL of a route with its parameters filled in (each URI-encoded). */
export function routeUrl<R extends ApiRoute>(route: R, params: ParamsOf<R>, query?: Record<string, string>): string {
  const values = params as Record<string, string>;
  const path = routeParts(route).path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
  const search = query ? new URLSearchParams(query).toString() : '';
  return search ? `${path}?${search}` : path;
}
