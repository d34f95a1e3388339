import type { FieldIssue } from '@/lib/api/errors';

export type { FieldIssue };
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
