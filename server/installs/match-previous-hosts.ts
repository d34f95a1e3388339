/**
 * Which host of the stored config each host of an incoming config IS, so it keeps that host's stored
 * secrets. Pure. Hosts carry no id of their own, so this goes by name and position:
 *
 * 1. a name unique in both configs is that host, wherever it moved;
 * 2. otherwise the stored host at the same position, when no host took it by name and either
 *    - its name is gone from the new config (the host was renamed where it stands), or
 *    - no host was added or removed (same count: the wizard cannot reorder hosts, so positions
 *      still line up) and it shares the name or its name was not unique (two hosts with one name,
 *      one of them renamed);
 * 3. otherwise: no stored host (`null`). A host that says "keep my stored secret" without a match is
 *    for the caller to refuse, never to drop silently.
 */

interface NamedHosts {
  hosts?: readonly { name?: unknown }[];
}

const nameOf = (h: { name?: unknown } | undefined): string => (typeof h?.name === 'string' ? h.name : '');

/** For each host of `next`, the index of the same host in `previous`, or null. */
export function matchPreviousHosts(next: NamedHosts, previous: NamedHosts | null): (number | null)[] {
  const nextHosts = next.hosts ?? [];
  const prevHosts = previous?.hosts ?? [];
  const count = (list: readonly { name?: unknown }[], name: string) => list.filter((h) => nameOf(h) === name).length;
  const match: (number | null)[] = nextHosts.map(() => null);
  const taken = new Set<number>();

  nextHosts.forEach((h, i) => {
    const name = nameOf(h);
    if (name === '' || count(nextHosts, name) !== 1 || count(prevHosts, name) !== 1) return;
    const j = prevHosts.findIndex((p) => nameOf(p) === name);
    match[i] = j;
    taken.add(j);
  });

  const sameCount = nextHosts.length === prevHosts.length;
  nextHosts.forEach((h, i) => {
    if (match[i] !== null || i >= prevHosts.length || taken.has(i)) return;
    const prevName = nameOf(prevHosts[i]);
    const renamedInPlace = prevName !== '' && count(nextHosts, prevName) === 0;
    const linedUp = sameCount && (prevName === nameOf(h) || prevName === '' || count(prevHosts, prevName) > 1);
    if (renamedInPlace || linedUp) {
      match[i] = i;
      taken.add(i);
    }
  });
  return match;
}
