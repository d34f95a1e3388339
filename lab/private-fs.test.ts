import { describe, expect, it } from 'vitest';
import { namespaceMountArgs, PRIVATE_MOUNTS } from './private-fs';

const privates = (args: string[]) => args.filter((a) => a.startsWith('private:')).map((a) => a.slice('private:'.length));

describe("namespaceMountArgs (pure order of a host's mounts)", () => {
  it('covers the private path that holds the lab dir last, so the other mounts still read their real backing dirs', () => {
    const args = privates(namespaceMountArgs('/tmp/ci-checkout/.lab'));
    expect(args.at(-1)).toBe('/tmp');
    expect([...args].sort()).toEqual(PRIVATE_MOUNTS.map((m) => m.path).sort());
  });

  it('keeps the declared order for a lab dir outside every private path', () => {
    expect(privates(namespaceMountArgs('/work/ks-wizard/.lab'))).toEqual(PRIVATE_MOUNTS.map((m) => m.path));
  });

  it('binds a lab dir inside a private path back in read-write before any private mount', () => {
    const args = namespaceMountArgs('/tmp/ci-checkout/.lab');
    expect(args.indexOf('rw:/tmp/ci-checkout/.lab')).toBeLessThan(args.findIndex((a) => a.startsWith('private:')));
  });
});
