/**
 * The writer of Node.state against the real (SQLite) database: the host checks never touch a
 * cluster member, a write conditional on the current state leaves the others, more hosts than one
 * statement carries are all written, and "every node but" leaves exactly the named ones.
 */
import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { IN_LIST_BATCH } from '../db-batches';
import { createInstall } from '../installs/create-install';
import { markJoined } from '../installs/mark-joined';
import { labPasswordLogin, newLabConfig } from '../lab/lab-hosts-config';
import { useFreshDatabase } from '../test-support/fresh-db';
import { setCheckedNodeState, setNodeState, setNodeStateExcept } from './node-state';

useFreshDatabase();

async function installWith(count: number): Promise<{ id: string; names: string[] }> {
  const hosts = Array.from({ length: count }, (_, i) => ({ name: `n${i}`, address: `10.1.${Math.floor(i / 200)}.${(i % 200) + 1}`, port: 22 }));
  const config = newLabConfig(hosts, labPasswordLogin('ops', 'node-state-Sw0rdfish'), 'hosts-ini');
  const { id } = await createInstall({ name: `ns-${Math.random().toString(36).slice(2, 8)}`, config });
  return { id, names: hosts.map((h) => h.name) };
}

const states = async (installId: string) =>
  Object.fromEntries((await getDb().node.findMany({ where: { installId }, orderBy: { name: 'asc' } })).map((n) => [n.name, [n.state, n.stateNote]]));

describe('node state writes', () => {
  it('host checks set the state of hosts outside the cluster only', async () => {
    const { id, names } = await installWith(3);
    await markJoined(id, ['n1']);
    await setCheckedNodeState(id, names, { state: 'failed', stateNote: 'port 6443 is taken' });
    expect(await states(id)).toEqual({ n0: ['failed', 'port 6443 is taken'], n1: ['unknown', null], n2: ['failed', 'port 6443 is taken'] });
  });

  it('a write conditional on the current state leaves nodes in another state', async () => {
    const { id, names } = await installWith(3);
    await setNodeState(getDb(), id, ['n0'], { state: 'failed', stateNote: 'failed at stage kubernetes' });
    await setNodeState(getDb(), id, names, { state: 'installing', stateNote: 'installing etcd' }, { not: 'failed' });
    await setNodeState(getDb(), id, names, { state: 'installing', stateNote: 'retrying etcd' }, 'failed');
    expect(await states(id)).toEqual({ n0: ['installing', 'retrying etcd'], n1: ['installing', 'installing etcd'], n2: ['installing', 'installing etcd'] });
  });

  it('writes every named node when there are more than one statement carries', async () => {
    const { id, names } = await installWith(IN_LIST_BATCH + 1);
    await setNodeState(getDb(), id, names, { state: 'pending', stateNote: 'queued in run r1' });
    const counts = await getDb().node.groupBy({ by: ['state'], where: { installId: id }, _count: true });
    expect(counts.map((c) => [c.state, c._count])).toEqual([['pending', IN_LIST_BATCH + 1]]);
  });

  it('"every node but" leaves exactly the named ones', async () => {
    const { id } = await installWith(3);
    await setNodeState(getDb(), id, ['n2'], { state: 'failed', stateNote: 'not cleaned' });
    await setNodeStateExcept(getDb(), id, ['n2'], { state: 'unknown', stateNote: 'uninstalled by run r9' });
    expect(await states(id)).toEqual({ n0: ['unknown', 'uninstalled by run r9'], n1: ['unknown', 'uninstalled by run r9'], n2: ['failed', 'not cleaned'] });
  });
});
