/**
 * The one way a value reaches vars.yml: a YAML 1.1 scalar produced by the `yaml` library (Ansible
 * reads vars.yml with PyYAML, i.e. YAML 1.1, where `yes`, `on`, `0777` or `12:30` are not strings).
 *
 * Invariants:
 * - Strings are refused (InstallerRenderError) exactly when `unsafeValueProblem(value, 'yaml-string')`
 *   flags them (control characters, U+2028/U+2029, Jinja markers): one definition with the rules.
 * - The result is one line, and `key: <result>` parses back (YAML 1.1) to exactly `value`
 *   (plain style when that works, else double-quoted);
 *   this is checked on every call.
 */
import { parse, stringify } from 'yaml';
import { unsafeValueProblem } from '../config/safe-values';
import { InstallerRenderError } from './errors';

export type ScalarValue = string | number | boolean;

export function yamlScalar(value: ScalarValue, what: string, style: 'plain' | 'double' = 'plain'): string {
  if (typeof value === 'string') {
    const problem = unsafeValueProblem(value, 'yaml-string');
    if (problem !== undefined) throw new InstallerRenderError(`${what} ${problem}`);
  } else if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new InstallerRenderError(`${what} is not a finite number`);
  }
  const preferred = style === 'double' ? ['double' as const] : ['plain' as const, 'double' as const];
  for (const attempt of preferred) {
    const text = render(value, attempt);
    if (text !== undefined) return text;
  }
  throw new InstallerRenderError(`${what} cannot be written as a one-line YAML scalar`);
}

/**
 * PyYAML resolves these plain scalars to the merge / value tags (and then fails to load them); the
 * `yaml` library leaves them plain.
 */
const PYYAML_SPECIAL_PLAIN = new Set(['=', '<<']);

function render(value: ScalarValue, style: 'plain' | 'double'): string | undefined {
  // A JSON string is a YAML double-quoted scalar. The library is not asked for that style: it
  // leaves `<<` bare even then (the merge key), so such a value could not be written at all.
  const text =
    style === 'double' && typeof value === 'string'
      ? JSON.stringify(value)
      : stringify(value, { version: '1.1', lineWidth: 0, minContentWidth: 0, defaultStringType: 'PLAIN' }).replace(/\n$/, '');
  if (text.includes('\n') || PYYAML_SPECIAL_PLAIN.has(text)) return undefined;
  const back: unknown = parse(`k: ${text}\n`, { version: '1.1' });
  const same = typeof back === 'object' && back !== null && 'k' in back && Object.is((back as { k: unknown }).k, value);
  return same ? text : undefined;
}
