/**
 * Redaction by value: every secret of an install (passwords, keys, storage credentials) is replaced
 * by `********` before a line, an event, a DB row or an API response leaves the runner.
 *
 * Invariants:
 * - variants are covered: the raw value, its JSON-escaped form (how Ansible prints it inside
 *   `{"msg": ...}`), its single-quoted shell form, and each line of a multi-line value (private keys
 *   are printed line by line);
 * - longer needles are replaced first, so a secret that contains another is fully masked;
 * - values shorter than 4 characters are still redacted (a short password is still a password).
 */
export const MASK = '********';

export type Redactor = (text: string) => string;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function variantsOf(value: string): string[] {
  const out = new Set<string>([value]);
  out.add(JSON.stringify(value).slice(1, -1));
  out.add(`'${value.replace(/'/g, `'"'"'`)}'`);
  out.add(value.replace(/'/g, `'\\''`));
  out.add(encodeURIComponent(value));
  if (value.includes('\n')) {
    for (const line of value.split(/\r?\n/)) if (line.trim().length >= 8) out.add(line.trim());
  }
  return [...out].filter((v) => v.length > 0);
}

export function createRedactor(secrets: Iterable<string>): Redactor {
  const needles = new Set<string>();
  for (const s of secrets) if (s && s.length > 0) for (const v of variantsOf(s)) needles.add(v);
  if (needles.size === 0) return (text) => text;
  const pattern = new RegExp(
    [...needles]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  return (text) => (text.length === 0 ? text : text.replace(pattern, MASK));
}

/** Collects every revealed secret value of a config-like object (`{ set: true, value }` leaves). */
export function collectSecretValues(config: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const rec = node as Record<string, unknown>;
    if (rec.set === true && typeof rec.value === 'string' && rec.value.length > 0) out.push(rec.value);
    for (const v of Object.values(rec)) walk(v);
  };
  walk(config);
  return out;
}
