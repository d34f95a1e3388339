import { describe, expect, it } from 'vitest';
import { isSafeValue, unsafeValueProblem } from './safe-values';

describe('unsafeValueProblem: ini-token', () => {
  it.each(['node1', '192.168.0.4', 'P@ss"w0rd#;=x', "it's", '/root/.ssh/id_rsa', ''])('accepts %j (the renderer quotes it)', (value) => {
    expect(unsafeValueProblem(value, 'ini-token')).toBeUndefined();
  });
  it.each(['pass word', 'pass\tword', 'line\nbreak', 'cr\r', 'nul\u0000', 'nbsp\u00a0'])('refuses whitespace or control characters in %j', (value) => {
    expect(unsafeValueProblem(value, 'ini-token')).toMatch(/splits each hosts\.ini line on whitespace/);
  });
  it.each(['{{ lookup("pipe", "id") }}', 'a{%b', 'x{#y'])('refuses Jinja markers in %j', (value) => {
    expect(unsafeValueProblem(value, 'ini-token')).toMatch(/Ansible would treat the hosts\.ini value as a template/);
  });
});

describe('unsafeValueProblem: yaml-string', () => {
  it.each(['-Xms3g -Xmx6g', 'a: b # c', 'quote \' and "', 'KubeSphere'])('accepts %j (YAML quoting handles it)', (value) => {
    expect(isSafeValue(value, 'yaml-string')).toBe(true);
  });
  it.each(['two\nlines', 'tab\there', 'bell\u0007', 'line\u2028separator', 'paragraph\u2029separator', 'next\u0085line'])(
    'refuses control characters and line separators in %j',
    (value) => {
      expect(unsafeValueProblem(value, 'yaml-string')).toMatch(/control character/);
    },
  );
  it.each(['{{ x }}', '{% if %}'])('refuses Jinja markers in %j', (value) => {
    expect(unsafeValueProblem(value, 'yaml-string')).toMatch(/vars\.yml value as a template/);
  });
  it('never echoes the value, so it is safe for secrets', () => {
    expect(unsafeValueProblem('s3cret value', 'ini-token')).not.toContain('s3cret');
  });
});
