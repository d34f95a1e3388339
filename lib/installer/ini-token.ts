/**
 * hosts.ini quoting, both ways: `iniToken` writes one value, `splitIniLine` / `iniValue` read a
 * line back the way Ansible's INI inventory plugin does.
 *
 * Ansible reads a host line with `shlex.split(line, comments=True)` (POSIX mode: single quotes are
 * literal, double quotes allow `\"`/`\\`, an unquoted backslash escapes the next character, an
 * unquoted `#` starts a comment ANYWHERE, even inside a word), splits each token at the first `=`,
 * and then passes the value through Python's `ast.literal_eval`: `1e3` becomes 1000.0, `None`
 * becomes None, `1,2` a tuple, `"x"` the string x.
 *
 * Invariants of `iniToken(value)`:
 * - Every user string on a hosts.ini line goes through it, exactly once.
 * - It throws (InstallerRenderError) for exactly what `unsafeValueProblem(value, 'ini-token')` flags
 *   (whitespace including every line break Python's `splitlines` knows, control characters, Jinja
 *   markers), so the output is always ONE whitespace-free token: the installer's "5th field" script
 *   stays correct, and a value the rules accepted is always written.
 * - Plain values ([A-Za-z0-9_./@%+:,~*-] that literal_eval would not change) are written bare, so
 *   the docs' layout (`ip=192.168.0.1`) is kept; anything else is single-quoted with the '"'"'
 *   idiom; values literal_eval would change are first wrapped in a Python string literal.
 * - Ansible and `iniValue(splitIniLine(...))` read back exactly `value`.
 */
import { unsafeValueProblem } from '../config/safe-values';
import { InstallerRenderError } from './errors';

const BARE = /^[A-Za-z0-9_./@%+:,~*-]+$/;
const IPV4_LIKE = /^\d+(\.\d+){2,}$/;
const CANONICAL_INT = /^(0|[1-9][0-9]*)$/;

/**
 * True when Python's `ast.literal_eval` might turn `value` into something other than the same
 * string (numbers other than canonical ints, True/False/None, tuples, strings, bytes, containers).
 * Conservative: a false positive only costs extra quoting.
 */
export function literalEvalMightChange(value: string): boolean {
  const trimmed = value.replace(/^[ \t]+/, '');
  if (trimmed !== value) return true;
  if (IPV4_LIKE.test(value) || CANONICAL_INT.test(value)) return false;
  if (/^(True|False|None)(?![A-Za-z0-9_])/.test(value)) return true;
  if (/^[0-9.+\-([{'"]/.test(value)) return true;
  // string / bytes prefixes: b'x', rb"x", u'x', f'x' …
  if (/^[A-Za-z]{1,2}['"]/.test(value)) return true;
  return false;
}

function pythonStringLiteral(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function shellSingleQuote(value: string): string {
  return `'${value.replace(/'/g, `'"'"'`)}'`;
}

/** The one way a user value reaches hosts.ini. `what` names the field for the error message. */
export function iniToken(value: string, what = 'value'): string {
  const problem = unsafeValueProblem(value, 'ini-token');
  if (problem !== undefined) throw new InstallerRenderError(`${what} ${problem}`);
  const evaluated = literalEvalMightChange(value) ? pythonStringLiteral(value) : value;
  return BARE.test(evaluated) ? evaluated : shellSingleQuote(evaluated);
}

export interface IniToken {
  text: string;
  /** True when any part of the token was quoted or escaped. */
  quoted: boolean;
}

export class IniSyntaxError extends Error {}

/**
 * POSIX shlex with `#` comments, as Ansible runs it on a host line. Throws IniSyntaxError on an
 * unterminated quote or a trailing escape.
 */
export function splitIniLine(line: string): IniToken[] {
  const tokens: IniToken[] = [];
  let text = '';
  let inToken = false;
  let quoted = false;
  let i = 0;
  const flush = () => {
    if (inToken) tokens.push({ text, quoted });
    text = '';
    inToken = false;
    quoted = false;
  };
  while (i < line.length) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      flush();
      i += 1;
    } else if (ch === '#') {
      break;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new IniSyntaxError('No closing quotation');
      text += line.slice(i + 1, end);
      inToken = true;
      quoted = true;
      i = end + 1;
    } else if (ch === '"') {
      i += 1;
      inToken = true;
      quoted = true;
      let closed = false;
      while (i < line.length) {
        const c = line[i];
        if (c === '"') {
          closed = true;
          i += 1;
          break;
        }
        if (c === '\\' && i + 1 < line.length && (line[i + 1] === '"' || line[i + 1] === '\\')) {
          text += line[i + 1];
          i += 2;
        } else {
          text += c;
          i += 1;
        }
      }
      if (!closed) throw new IniSyntaxError('No closing quotation');
    } else if (ch === '\\') {
      if (i + 1 >= line.length) throw new IniSyntaxError('No escaped character');
      text += line[i + 1];
      inToken = true;
      quoted = true;
      i += 2;
    } else {
      text += ch;
      inToken = true;
      i += 1;
    }
  }
  flush();
  return tokens;
}

const PY_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', a: '\u0007', b: '\b', f: '\f', v: '\v', '0': '\0' };

function decodePythonString(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (whole, esc: string) => {
    if (esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    return PY_ESCAPES[esc] ?? whole;
  });
}

/**
 * The string Ansible ends up with for a shlex'd value: a Python string literal ("x" or 'x') is
 * decoded, anything else is kept as written (numbers keep their text).
 */
export function iniValue(raw: string): string {
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')$/s.exec(raw);
  if (!m) return raw;
  return decodePythonString(m[1] ?? m[2] ?? '');
}
