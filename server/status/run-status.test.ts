/**
 * The one writer of run, stage and host statuses, against the real (SQLite) database: claims and
 * ends are conditional (of two writers one wins), stages never started end "not run" both when a
 * run ends and when it is cancelled before it started, and an illegal transition cannot be written.
 */
import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { createInstall } from '../installs/create-install';
import { labPasswordLogin, newLabConfig } from '../lab/lab-hosts-config';
import { useFreshDatabase } from '../test-support/fresh-db';
import { sourcesFor } from './run-states';
import { cancelQueuedRun, claimRun, claimStage, finishRun, finishStageStatus, interruptStage } from './run-status';

useFreshDatabase();

async function queuedRun(stages: string[]): Promise<{ runId: string; stageIds: string[] }> {
  const config = newLabConfig([{ name: 'w1', address: '127.0.0.231', port: 1 }], labPasswordLogin('ops', 'run-status-Sw0rdfish'), 'hosts-ini');
  const { id } = await createInstall({ name: `sw-${Math.random().toString(36).slice(2, 8)}`, config });
  const run = await getDb().run.create({
    data: {
      installId: id,
      mode: 'full',
      status: 'queued',
      stages: {
        create: stages.map((name, position) => ({ name, position, playbook: '', status: 'queued', hosts: { create: [{ host: 'w1', status: 'queued' }] } })),
      },
    },
    include: { stages: { orderBy: { position: 'asc' } } },
  });
  return { runId: run.id, stageIds: run.stages.map((s) => s.id) };
}

const statuses = async (runId: string) => {
  const run = await getDb().run.findUniqueOrThrow({ where: { id: runId }, include: { stages: { orderBy: { position: 'asc' }, include: { hosts: true } } } });
  return { run: run.status, stages: run.stages.map((s) => [s.status, s.error, ...s.hosts.map((h) => h.status)]) };
};

describe('status writes', () => {
  it('claims a run once; two claims, one winner', async () => {
    const { runId } = await queuedRun(['a']);
    expect(await Promise.all([claimRun(runId), claimRun(runId)])).toEqual(expect.arrayContaining([true, false]));
    expect(await cancelQueuedRun(runId)).toBe(false); // it started: the follower stops it, not this
  });

  it('ends a run with its never-started stages "not run", the finished ones as they were', async () => {
    const { runId, stageIds } = await queuedRun(['a', 'b', 'c']);
    await claimRun(runId);
    expect(await claimStage(stageIds[0] ?? '')).toBe(true);
    expect(await claimStage(stageIds[0] ?? '')).toBe(false);
    await finishStageStatus(stageIds[0] ?? '', 'failed', { exitCode: 2, error: 'boom' });
    await finishRun(runId, 'failed', 'stage a failed', 'failed');
    expect(await statuses(runId)).toEqual({
      run: 'failed',
      stages: [
        ['failed', 'boom', 'running'],
        ['cancelled', 'not run', 'cancelled'],
        ['cancelled', 'not run', 'cancelled'],
      ],
    });
    await finishRun(runId, 'succeeded'); // terminal: nothing changes
    expect((await statuses(runId)).run).toBe('failed');
  });

  it('cancels a run before it started: it and every stage and host row', async () => {
    const { runId } = await queuedRun(['a', 'b']);
    expect(await cancelQueuedRun(runId)).toBe(true);
    expect(await statuses(runId)).toEqual({
      run: 'cancelled',
      stages: [
        ['cancelled', 'not run', 'cancelled'],
        ['cancelled', 'not run', 'cancelled'],
      ],
    });
    expect(await claimRun(runId)).toBe(false);
  });

  it('interrupts a running stage that cannot be followed, with its unfinished hosts', async () => {
    const { runId, stageIds } = await queuedRun(['a']);
    await claimRun(runId);
    await claimStage(stageIds[0] ?? '');
    await interruptStage(stageIds[0] ?? '', 'gone');
    expect((await statuses(runId)).stages).toEqual([['interrupted', 'gone', 'interrupted']]);
  });

  it('refuses to issue an illegal transition', () => {
    expect(() => sourcesFor('run', ['succeeded'], 'running')).toThrow(/illegal run transition succeeded → running/);
    expect(sourcesFor('stage', ['queued', 'running'], 'interrupted')).toEqual({ in: ['queued', 'running'] });
  });
});
