/**
 * The body of every refusal the API sends (server/http/with-api.ts): `error` in operator words;
 * `errors`/`warnings` for a 422 (field path + message); `run` when another run is in the way
 * (server/runner/run-refusal.ts), so the page can link to it; other keys a route documents
 * (`gate`, `code`).
 */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The run a refusal names. */
export interface RefusedRun {
  id: string;
  installId: string;
  label: string;
}

export interface ApiErrorBody {
  error?: string;
  errors?: FieldIssue[];
  warnings?: FieldIssue[];
  run?: RefusedRun;
  [detail: string]: unknown;
}
