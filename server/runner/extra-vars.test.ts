import { describe, expect, it } from 'vitest';
import { parseExtraVarsText } from './extra-vars';

describe('parseExtraVarsText', () => {
  it('reads key=value lines, skipping blanks and comments', () => {
    expect(parseExtraVarsText('lab_fail_at=kubesphere:lab2\n\n# note\n lines = 10 ')).toEqual({ ok: true, vars: { lab_fail_at: 'kubesphere:lab2', lines: '10' } });
    expect(parseExtraVarsText('')).toEqual({ ok: true, vars: {} });
    expect(parseExtraVarsText('a=x=y')).toEqual({ ok: true, vars: { a: 'x=y' } });
  });

  it('refuses malformed lines, bad names, credentials, reserved and repeated keys', () => {
    expect(parseExtraVarsText('justtext')).toEqual({ ok: false, error: 'line 1: write key=value' });
    expect(parseExtraVarsText('ok=1\n9x=2')).toMatchObject({ ok: false, error: expect.stringContaining('line 2') });
    expect(parseExtraVarsText('ansible_become_pass=x')).toMatchObject({ ok: false, error: expect.stringContaining('looks like a credential') });
    expect(parseExtraVarsText('ssh_private_key=x')).toMatchObject({ ok: false, error: expect.stringContaining('credential') });
    expect(parseExtraVarsText('ksw_x=1')).toMatchObject({ ok: false, error: expect.stringContaining('reserved') });
    expect(parseExtraVarsText('a=1\na=2')).toMatchObject({ ok: false, error: expect.stringContaining('twice') });
  });
});
