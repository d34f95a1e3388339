import { describe, expect, it } from 'vitest';
import { matchPreviousHosts } from './match-previous-hosts';

const cfg = (...names: string[]) => ({ hosts: names.map((name) => ({ name })) });

describe('matchPreviousHosts', () => {
  it('follows unique names wherever they move, and new hosts match nothing', () => {
    expect(matchPreviousHosts(cfg('b', 'a', 'c'), cfg('a', 'b'))).toEqual([1, 0, null]);
    expect(matchPreviousHosts(cfg('a'), null)).toEqual([null]);
  });
  it('a host renamed where it stands keeps its place', () => {
    expect(matchPreviousHosts(cfg('a2', 'b'), cfg('a', 'b'))).toEqual([0, 1]);
  });
  it('same-named hosts go by position while no host was added or removed', () => {
    expect(matchPreviousHosts(cfg('x', 'x'), cfg('x', 'x'))).toEqual([0, 1]);
    expect(matchPreviousHosts(cfg('x', 'y'), cfg('x', 'x'))).toEqual([0, 1]);
    expect(matchPreviousHosts(cfg('w', 'x'), cfg('x', 'x'))).toEqual([0, 1]);
    expect(matchPreviousHosts(cfg('a', 'a'), cfg('a', 'b'))).toEqual([0, 1]);
    expect(matchPreviousHosts(cfg('', ''), cfg('', ''))).toEqual([0, 1]);
  });
  it('does not guess once same-named hosts were removed or a renamed host moved', () => {
    expect(matchPreviousHosts(cfg('a', 'x'), cfg('a', 'x', 'x'))).toEqual([0, null]);
    expect(matchPreviousHosts(cfg('b', 'a2'), cfg('a', 'b'))).toEqual([1, null]);
  });
});
