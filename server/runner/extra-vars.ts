/**
 * Extra vars of a run (pure, shared by the API's validation and the preflight page's "Advanced"
 * field): operator-visible settings such as the lab's `lab_fail_at`, never credentials.
 */

/** Names that look like credentials: refused (set secrets on the hosts instead). */
export const SECRETISH_VAR = /(pass|secret|token|private|credential|_key$)/i;
export const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type ParsedExtraVars = { ok: true; vars: Record<string, string> } | { ok: false; error: string };

/** `key=value` per line (blank lines and `#` comments ignored) → a map of strings, or the first problem. */
export function parseExtraVarsText(text: string): ParsedExtraVars {
  const vars: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return { ok: false, error: `line ${i + 1}: write key=value` };
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (!VAR_NAME.test(key)) return { ok: false, error: `line ${i + 1}: "${key}" is not a variable name (letters, digits, _)` };
    if (SECRETISH_VAR.test(key)) return { ok: false, error: `line ${i + 1}: "${key}" looks like a credential: set credentials on the hosts instead` };
    if (key.startsWith('ksw_')) return { ok: false, error: `line ${i + 1}: ksw_* variables are reserved` };
    if (key in vars) return { ok: false, error: `line ${i + 1}: "${key}" is set twice` };
    vars[key] = value;
  }
  return { ok: true, vars };
}
