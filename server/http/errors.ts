/**
 * Errors a route handler may throw; server/http/with-api.ts turns each into its HTTP answer.
 * Messages are shown to the client, so they never contain secret values.
 */
export interface FieldIssue {
  path: string;
  message: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra fields of the JSON answer next to `error` (e.g. `gate` on a refused install). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export class NotFoundError extends HttpError {
  constructor(what = 'not found') {
    super(404, what);
    this.name = 'NotFoundError';
  }
}

/** 422 `{ errors, warnings }`: invalid input, nothing was saved. */
export class ValidationError extends Error {
  constructor(
    readonly errors: FieldIssue[],
    readonly warnings: FieldIssue[] = [],
  ) {
    super(`invalid input: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    this.name = 'ValidationError';
  }
}
