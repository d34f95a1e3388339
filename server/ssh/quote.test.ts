import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from './quote';

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote(['ls', '-la', '/etc/hosts'])).toBe('ls -la /etc/hosts');
    expect(shellQuote(['echo', "it's", '', '$HOME'])).toBe(`echo 'it'"'"'s' '' '$HOME'`);
  });

  it('rejects NUL bytes and empty argv', () => {
    expect(() => shellQuote(['a\0b'])).toThrow(/NUL/);
    expect(() => shellQuote([])).toThrow(/empty/);
  });

  it('round-trips any string through a real POSIX shell', () => {
    const strings = fc.array(
      fc.string({ unit: 'binary' }).map((s) => s.replace(/\0/g, '')),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(strings, (args) => {
        const out = execFileSync('sh', ['-c', shellQuote(['printf', '%s\\0', ...args])]).toString();
        expect(out.split('\0').slice(0, -1)).toEqual(args);
      }),
      { numRuns: 60 },
    );
  });
});
