/**
 * A JSON column read back: parsed and checked by a zod schema once, where it is read. A column that
 * does not hold what the wizard wrote is an error naming it, never a cast that lets it through.
 */
import type { z } from 'zod';

/** `text` parsed as JSON and checked by `schema`; `what` names the column in the error. */
export function decodeJsonColumn<T>(schema: z.ZodType<T>, text: string, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${what} is not JSON`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${what} does not hold what the wizard wrote: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`);
  return parsed.data;
}
