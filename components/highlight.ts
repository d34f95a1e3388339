/**
 * A tiny line tokenizer for the two installer files, just enough to colour them: comments dimmed,
 * INI sections and YAML keys coloured, values and numbers told apart. No library, no regex over
 * the whole file; each line is tokenized on its own.
 */
export type TokenKind = 'comment' | 'section' | 'key' | 'punct' | 'string' | 'number' | 'name' | 'mask' | 'plain';
export interface Token {
  kind: TokenKind;
  text: string;
}

const MASK = '********';
const isNumberish = (v: string) => /^-?\d+(\.\d+)?$/.test(v) || /^(true|false|null|~)$/i.test(v);

function valueTokens(value: string): Token[] {
  if (value === '') return [];
  if (value.includes(MASK)) return [{ kind: 'mask', text: value }];
  return [{ kind: isNumberish(value.trim()) ? 'number' : 'string', text: value }];
}

export function tokenizeIniLine(line: string): Token[] {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('#') || trimmed.startsWith(';')) return [{ kind: 'comment', text: line }];
  if (/^\s*\[[^\]]*\]\s*$/.test(line)) return [{ kind: 'section', text: line }];
  const tokens: Token[] = [];
  const parts = line.split(/(\s+)/);
  parts.forEach((part, i) => {
    if (part === '' || /^\s+$/.test(part)) {
      if (part) tokens.push({ kind: 'plain', text: part });
      return;
    }
    const eq = part.indexOf('=');
    if (eq > 0) {
      tokens.push({ kind: 'key', text: part.slice(0, eq) }, { kind: 'punct', text: '=' }, ...valueTokens(part.slice(eq + 1)));
    } else tokens.push({ kind: i === 0 ? 'name' : 'plain', text: part });
  });
  return tokens;
}

/** Splits `value  # comment` outside of quotes. */
function splitComment(rest: string): [string, string] {
  let quote: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || rest[i - 1] === ' ' || rest[i - 1] === '\t')) return [rest.slice(0, i), rest.slice(i)];
  }
  return [rest, ''];
}

export function tokenizeYamlLine(line: string): Token[] {
  if (/^\s*#/.test(line)) return [{ kind: 'comment', text: line }];
  const tokens: Token[] = [];
  let rest = line;
  const indent = /^(\s*)(- )?/.exec(rest);
  if (indent?.[0]) {
    tokens.push({ kind: 'plain', text: indent[1] ?? '' });
    if (indent[2]) tokens.push({ kind: 'punct', text: indent[2] });
    rest = rest.slice(indent[0].length);
  }
  const key = /^([A-Za-z0-9_.\-"']+)(:)(\s|$)/.exec(rest);
  if (key) {
    tokens.push({ kind: 'key', text: key[1] ?? '' }, { kind: 'punct', text: ':' });
    rest = rest.slice((key[1] ?? '').length + 1);
  }
  const [value, comment] = splitComment(rest);
  const lead = /^\s*/.exec(value)?.[0] ?? '';
  if (lead) tokens.push({ kind: 'plain', text: lead });
  tokens.push(...valueTokens(value.slice(lead.length)));
  if (comment) tokens.push({ kind: 'comment', text: comment });
  return tokens;
}
