/**
 * The one definition of "a value the installer files can carry". The rules (./rules.ts) report these
 * problems at the field; the hosts.ini / vars.yml renderer calls the same predicate and refuses to
 * write a file when it returns a problem, so a value the wizard accepted can never break a file.
 *
 * - `ini-token`: any value written on a hosts.ini line (name, ansible_host, ip, ansible_user,
 *   passwords, key path). The installer's scripts split each line on whitespace (install.sh takes
 *   `ansible_become_pass` from the 5th field), and Ansible templates inventory values.
 *   Quotes, `#`, `=` and `;` are NOT refused here: the renderer quotes such values.
 * - `yaml-string`: any string written into vars.yml. The renderer emits proper YAML scalars, so only
 *   what YAML quoting cannot save is refused: control characters, the Unicode line and paragraph
 *   separators U+2028/U+2029 (line breaks to Python's `splitlines`, which the installer's tools
 *   use, and to older YAML readers), and Jinja markers (Ansible templates every string it loads
 *   from vars.yml).
 *
 * The renderers (lib/installer/ini-token.ts, yaml-scalar.ts) refuse exactly what this module
 * refuses and nothing else, so "the rules accept it" and "the files can be written" are the same
 * statement (lib/installer/safe-values-agree.test.ts).
 *
 * Empty values are not a safety problem: "required" rules deal with them.
 * Messages never echo the value, so they are safe for secrets.
 */

export type UnsafeValueKind = 'ini-token' | 'yaml-string';

/** Ansible treats a string containing any of these as a Jinja template. */
const TEMPLATE_MARKERS = ['{{', '{%', '{#'] as const;

/** C0/C1 controls and the Unicode line/paragraph separators (JavaScript's `\s` covers the latter too). */
// eslint-disable-next-line no-control-regex
const LINE_BREAK_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f-\u009f]/;

function templateMarkerIn(value: string): string | undefined {
  return TEMPLATE_MARKERS.find((marker) => value.includes(marker));
}

/**
 * A human explanation of why `value` cannot be written as `kind`, or undefined when it can.
 * The message completes a sentence that starts with the field's name, e.g. "SSH user of node1 …".
 */
export function unsafeValueProblem(value: string, kind: UnsafeValueKind): string | undefined {
  const marker = templateMarkerIn(value);
  if (marker !== undefined) {
    const file = kind === 'ini-token' ? 'hosts.ini' : 'vars.yml';
    return `contains "${marker}": Ansible would treat the ${file} value as a template`;
  }
  if (kind === 'ini-token' && WHITESPACE_OR_CONTROL.test(value)) {
    return 'contains a space, tab, line break or control character: the installer splits each hosts.ini line on whitespace, so it would break the line';
  }
  if (kind === 'yaml-string' && LINE_BREAK_OR_CONTROL.test(value)) {
    return 'contains a line break (including the Unicode line or paragraph separator), tab or other control character, which vars.yml cannot carry safely';
  }
  return undefined;
}

export function isSafeValue(value: string, kind: UnsafeValueKind): boolean {
  return unsafeValueProblem(value, kind) === undefined;
}
