/**
 * Parses a request body with a zod schema; throws ValidationError (422) listing every issue.
 * Paths under the body's `config` key are reported relative to the config (`hosts.1.ip`), the
 * same paths the rules in lib/config use, so the UI can put the message at the field.
 */
import type { z } from 'zod';
import { ValidationError, type FieldIssue } from './errors';

export function zodIssuesToFields(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const parts = issue.path.map(String);
    const rel = parts[0] === 'config' && parts.length > 1 ? parts.slice(1) : parts;
    return { path: rel.join('.'), message: issue.message };
  });
}

export function parseInput<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ValidationError(zodIssuesToFields(parsed.error.issues));
  return parsed.data;
}
