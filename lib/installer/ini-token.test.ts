import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InstallerRenderError } from './errors';
import { iniToken, iniValue, literalEvalMightChange, splitIniLine } from './ini-token';
import { hostileString, secretText } from './test-support/arbitraries';

const readBack = (token: string): string => {
  const tokens = splitIniLine(`h k=${token}`);
  expect(tokens).toHaveLength(2);
  return iniValue((tokens[1]?.text ?? '').slice(2));
};

describe('iniToken', () => {
  it('keeps plain values bare, as the docs write them', () => {
    expect(iniToken('192.168.0.1')).toBe('192.168.0.1');
    expect(iniToken('ubuntu')).toBe('ubuntu');
    expect(iniToken('PASSWORD')).toBe('PASSWORD');
    expect(iniToken('********')).toBe('********');
    expect(iniToken('~/.ssh/ks-wizard/node1')).toBe('~/.ssh/ks-wizard/node1');
    expect(iniToken('123456')).toBe('123456');
  });

  it('quotes shell-special values with the single-quote idiom', () => {
    expect(iniToken('a#b')).toBe("'a#b'");
    expect(iniToken("don't")).toBe(`'don'"'"'t'`);
    expect(iniToken('x=y;z')).toBe("'x=y;z'");
  });

  it('wraps values Python literal_eval would change in a string literal', () => {
    for (const v of ['1e3', '0x10', 'None', 'True', '1,2', '[1]', "b'x'", '-0', '1.50', '"q"']) {
      expect(literalEvalMightChange(v), v).toBe(true);
      expect(readBack(iniToken(v)), v).toBe(v);
    }
    expect(iniToken('1e3')).toBe(`'"1e3"'`);
  });

  it('refuses whitespace, line breaks, control characters and templates', () => {
    for (const v of ['a b', 'a\nb', 'a\rb', 'a\u2028b', 'a\u0085b', 'a\u0000', '{{ x }}', 'a{%b', '\tx']) {
      expect(() => iniToken(v), JSON.stringify(v)).toThrow(InstallerRenderError);
    }
  });

  it('reads back every accepted value exactly (property)', () => {
    fc.assert(
      fc.property(fc.oneof(secretText('ini-token'), hostileString), (v) => {
        let token: string;
        try {
          token = iniToken(v);
        } catch (e) {
          expect(e).toBeInstanceOf(InstallerRenderError);
          return;
        }
        expect(/\s/.test(token)).toBe(false);
        expect(readBack(token)).toBe(v);
      }),
      { numRuns: 500 },
    );
  });

  it("matches Python's shlex + ast.literal_eval, as Ansible reads it", () => {
    const values = fc.sample(fc.oneof(secretText('ini-token'), hostileString), { numRuns: 300, seed: 42 });
    const accepted = values.filter((v) => {
      try {
        iniToken(v);
        return true;
      } catch {
        return false;
      }
    });
    const lines = accepted.map((v) => `h k=${iniToken(v)}`).join('\n');
    const script = [
      'import ast, json, shlex, sys',
      'out = []',
      'for line in sys.stdin.read().split("\\n"):',
      '    k, v = shlex.split(line, comments=True)[1].split("=", 1)',
      '    try: v = ast.literal_eval(v)',
      '    except (ValueError, SyntaxError): pass',
      '    out.append(v if isinstance(v, str) else str(v))',
      'print(json.dumps(out))',
    ].join('\n');
    const out = execFileSync('/usr/bin/python3', ['-c', script], { input: lines, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(accepted);
  });
});
