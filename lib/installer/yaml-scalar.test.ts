import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlScalar } from './yaml-scalar';

describe('yamlScalar', () => {
  // `<<` once had no writable form: the yaml library leaves it bare even when asked to quote
  // (found by the round-trip property test, seed 882726887).
  it.each(['<<', '=', 'yes', '0777', '12:30', 'a"b', 'back\\slash', "it's", 'é', '#x', '- x', '*ref'])(
    'writes %j so that YAML 1.1 reads back the same string',
    (value) => {
      const text = yamlScalar(value, 'the value');
      expect(text).not.toBe('<<');
      expect(text).not.toBe('=');
      expect(parse(`k: ${text}\n`, { version: '1.1' })).toEqual({ k: value });
    },
  );

  it('still refuses line breaks and template markers', () => {
    expect(() => yamlScalar('a\nb', 'the value')).toThrow(/line break/);
    expect(() => yamlScalar('{{ x }}', 'the value')).toThrow();
  });
});
