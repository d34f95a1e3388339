/**
 * Leasing lab hosts for one spec file: `leaseLabHosts(n)` at the top level of a spec registers a
 * beforeAll that leases n free lab hosts (starting the lab when it is down) and an afterAll that
 * releases them (taking the lab down only when the lease started it: lab/lease-hosts.ts, as the
 * vitest fixture). Read the lease inside the tests, after beforeAll has run.
 */
import { randomBytes } from 'node:crypto';
import { test } from '@playwright/test';
import { acquireLabHosts, releaseLabHosts, type LabLease } from '../../lab/lease-hosts';
import type { LabHostState } from '../../lab/state';

export interface LeasedLabHosts {
  /** The lease token (unique per spec file run). */
  readonly token: string;
  /** The lease (with the whole lab's state), once beforeAll has run. */
  lease: LabLease | undefined;
  /** The leased hosts only, in lab order. */
  hosts: LabHostState[];
}

export function leaseLabHosts(count: number): LeasedLabHosts {
  const leased: LeasedLabHosts = { token: randomBytes(8).toString('hex'), lease: undefined, hosts: [] };

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const lease = await acquireLabHosts(count, leased.token);
    leased.lease = lease;
    leased.hosts = lease.state.hosts.filter((h) => lease.names.includes(h.name));
    if (leased.hosts.length < count) throw new Error('not enough free lab hosts');
  });

  test.afterAll(async () => {
    test.setTimeout(120_000);
    if (leased.lease) await releaseLabHosts(leased.lease.names, leased.token);
  });

  return leased;
}
