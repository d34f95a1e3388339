import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../test-support/fresh-db';
import { getDb } from '../db';
import { planFlush } from './flush-plan';
import { LogWriter, type StageBatch } from './log-writer';
import type { HostError } from './translate-event';

useFreshDatabase();

const error = (task: string): HostError => ({ task, msg: `${task} failed`, stderr: '', stdout: '', file: 'x.yml' });

function batch(runId: string, stageId: string, lines: string[], extra: Partial<StageBatch> = {}): StageBatch {
  return {
    runId,
    stageId,
    stage: 'verify',
    lines: lines.map((text) => ({ host: 'm1', kind: 'line' as const, failed: false, text, t: 0 })),
    counts: new Map(),
    errors: new Map(),
    ...extra,
  };
}

async function makeStage(): Promise<{ runId: string; stageId: string }> {
  const db = getDb();
  const install = await db.install.create({ data: { name: 'w', configJson: '{}' } });
  const run = await db.run.create({ data: { installId: install.id } });
  const stage = await db.stage.create({ data: { runId: run.id, position: 0, name: 'verify', playbook: 'verify.yml', hosts: { create: [{ host: 'm1' }, { host: 'm2' }] } } });
  return { runId: run.id, stageId: stage.id };
}

describe('planFlush (pure)', () => {
  it('numbers lines per run, merges counters, keeps the highest event counter', () => {
    const plan = planFlush(
      [
        batch('r1', 's1', ['a', 'b'], { lastCounter: 4, counts: new Map([['m1', { ok: 1 }]]) }),
        batch('r2', 's2', ['x']),
        batch('r1', 's1', ['c'], { lastCounter: 7, counts: new Map([['m1', { ok: 2, failed: 1 }]]) }),
      ],
      new Map([['r1', 10], ['r2', 1]]),
    );
    expect(plan.wire.get('r1')?.map((w) => [w[0], w[5]])).toEqual([[10, 'a'], [11, 'b'], [12, 'c']]);
    expect(plan.nextSeq).toEqual(new Map([['r1', 13], ['r2', 2]]));
    expect(plan.groups.map((g) => [g.runId, g.lines.length])).toEqual([['r1', 2], ['r2', 1], ['r1', 1]]);
    expect(plan.stageCounters.get('s1')).toBe(7);
    expect(plan.hostCounts).toEqual([{ stageId: 's1', host: 'm1', inc: { ok: 3, failed: 1 } }]);
    expect(plan.rowCount).toBe(4);
  });
});

describe('LogWriter on SQLite', () => {
  it('commits lines, counters, the first error and the recap together', async () => {
    const { runId, stageId } = await makeStage();
    const writer = new LogWriter();
    writer.enqueue(batch(runId, stageId, ['one', 'two'], { lastCounter: 3, counts: new Map([['m1', { ok: 2, changed: 1 }]]), errors: new Map([['m2', error('first')]]) }));
    writer.enqueue(batch(runId, stageId, ['three'], { lastCounter: 5, counts: new Map([['m1', { ok: 1 }]]), errors: new Map([['m2', error('second')]]) }));
    await writer.drain();
    const db = getDb();
    const rows = await db.logLine.findMany({ where: { runId }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.seq, r.text, r.host, r.kind, r.failed])).toEqual([[1, 'one', 'm1', 'line', false], [2, 'two', 'm1', 'line', false], [3, 'three', 'm1', 'line', false]]);
    expect(rows[0]?.at).toBeInstanceOf(Date);
    expect(Math.abs((rows[0]?.at.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect((await db.stage.findUniqueOrThrow({ where: { id: stageId } })).lastEventCounter).toBe(5);
    const hosts = await db.stageHost.findMany({ where: { stageId }, orderBy: { host: 'asc' } });
    expect(hosts.map((h) => [h.host, h.ok, h.changed])).toEqual([['m1', 3, 1], ['m2', 0, 0]]);
    expect(JSON.parse(hosts[1]?.errorJson ?? '{}')).toMatchObject({ task: 'first' });

    writer.enqueue(batch(runId, stageId, ['recap'], { recap: { m1: { ok: 9, changed: 4, failed: 0, skipped: 1, unreachable: 0 } } }));
    await writer.drain();
    const m1 = await db.stageHost.findFirstOrThrow({ where: { stageId, host: 'm1' } });
    expect([m1.ok, m1.changed, m1.skipped]).toEqual([9, 4, 1]);
    expect(await db.logLine.count({ where: { runId } })).toBe(4);
  });

  it('a new writer continues the run after the last stored seq', async () => {
    const { runId, stageId } = await makeStage();
    const first = new LogWriter();
    first.enqueue(batch(runId, stageId, ['a', 'b']));
    await first.drain();
    const second = new LogWriter();
    second.enqueue(batch(runId, stageId, ['c']));
    await second.drain();
    const seqs = (await getDb().logLine.findMany({ where: { runId }, orderBy: { seq: 'asc' } })).map((r) => r.seq);
    expect(seqs).toEqual([1, 2, 3]);
  });

  it('waits, without blocking the event loop, while a Prisma transaction holds the write lock', async () => {
    const { runId, stageId } = await makeStage();
    const db = getDb();
    const writer = new LogWriter();
    let ticks = 0;
    const ticker = setInterval(() => { ticks += 1; }, 10);
    let releasedAt = 0;
    let drained: Promise<number> | undefined;
    const holder = db.$transaction(async (tx) => {
      await tx.install.updateMany({ data: { step: 'review' } }); // takes the write lock
      writer.enqueue(batch(runId, stageId, ['while locked']));
      drained = writer.drain().then(() => Date.now());
      await new Promise((r) => setTimeout(r, 300));
      releasedAt = Date.now();
    });
    await holder;
    const committedAt = await (drained ?? Promise.reject(new Error('the writer was never drained')));
    clearInterval(ticker);
    expect(committedAt).toBeGreaterThanOrEqual(releasedAt);
    expect(ticks).toBeGreaterThan(10); // the timer kept running during the 300 ms wait
    expect((await db.logLine.findMany({ where: { runId } })).map((r) => r.text)).toEqual(['while locked']);
  });
});
