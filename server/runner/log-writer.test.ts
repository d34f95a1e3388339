import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../test-support/fresh-db';
import { getDb, getSqliteLogConnection } from '../db';
import { planFlush } from './flush-plan';
import { LogWriter } from './log-writer';
import { batch, logWriterContract, makeStage } from './test-support/log-writer-contract';

useFreshDatabase();

describe('planFlush (pure)', () => {
  it('numbers lines per run, merges counters, keeps the highest event counter', () => {
    const plan = planFlush(
      [
        batch('r1', 's1', ['a', 'b'], { lastCounter: 4, counts: new Map([['m1', { ok: 1 }]]) }),
        batch('r2', 's2', ['x']),
        batch('r1', 's1', ['c'], { lastCounter: 7, counts: new Map([['m1', { ok: 2, failed: 1 }]]) }),
      ],
      new Map([
        ['r1', 10],
        ['r2', 1],
      ]),
    );
    expect(plan.wire.get('r1')?.map((w) => [w[0], w[5]])).toEqual([
      [10, 'a'],
      [11, 'b'],
      [12, 'c'],
    ]);
    expect(plan.nextSeq).toEqual(
      new Map([
        ['r1', 13],
        ['r2', 2],
      ]),
    );
    expect(plan.groups.map((g) => [g.runId, g.lines.length])).toEqual([
      ['r1', 2],
      ['r2', 1],
      ['r1', 1],
    ]);
    expect(plan.stageCounters.get('s1')).toBe(7);
    expect(plan.hostCounts).toEqual([{ stageId: 's1', host: 'm1', inc: { ok: 3, failed: 1 } }]);
    expect(plan.rowCount).toBe(4);
  });
});

describe('LogWriter on SQLite', () => {
  logWriterContract();

  it('waits, without blocking the event loop, while a Prisma transaction holds the write lock', async () => {
    const { runId, stageId } = await makeStage();
    const db = getDb();
    const writer = new LogWriter();
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks += 1;
    }, 10);
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

describe('LogWriter when the disk is full', () => {
  const limitPages = () => {
    const conn = getSqliteLogConnection();
    const pages = Number(conn.pragma('page_count', { simple: true }));
    conn.pragma(`max_page_count = ${pages}`);
    return () => conn.pragma('max_page_count = 1073741823');
  };
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `held line ${i + 1} ${'x'.repeat(200)}`);

  it('holds the lines in order while SQLite cannot grow, and stores them all once it can', async () => {
    const { runId, stageId } = await makeStage();
    const writer = new LogWriter(getDb, { holdRetryMs: 25 });
    const unlimit = limitPages();
    try {
      // several batches, as a live stage sends them: the ones behind the first wait too
      const all = lines(3000);
      for (let i = 0; i < 3000; i += 500) writer.enqueue(batch(runId, stageId, all.slice(i, i + 500), { lastCounter: 7 }));
      const drained = writer.drain();
      await new Promise((r) => setTimeout(r, 300));
      expect(writer.isHolding).toBe(true);
      expect(await getDb().logLine.count({ where: { runId } })).toBe(0);
      writer.enqueue(batch(runId, stageId, ['after the disk filled'], { lastCounter: 8 }));
      unlimit();
      await drained;
      await writer.drain();
    } finally {
      unlimit();
    }
    expect(writer.isHolding).toBe(false);
    const rows = await getDb().logLine.findMany({ where: { runId }, orderBy: { seq: 'asc' }, select: { seq: true, text: true } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 3001 }, (_, i) => i + 1));
    expect(rows.at(-1)?.text).toBe('after the disk filled');
    expect((await getDb().stage.findUniqueOrThrow({ where: { id: stageId } })).lastEventCounter).toBe(8);
  });

  it('gives up after its hold window: drain returns, and later lines are stored', async () => {
    const { runId, stageId } = await makeStage();
    const writer = new LogWriter(getDb, { holdRetryMs: 20, holdMaxMs: 150 });
    const unlimit = limitPages();
    try {
      writer.enqueue(batch(runId, stageId, lines(3000)));
      const t0 = Date.now();
      await writer.drain();
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect(await getDb().logLine.count({ where: { runId } })).toBe(0);
    } finally {
      unlimit();
    }
    writer.enqueue(batch(runId, stageId, ['later']));
    await writer.drain();
    expect((await getDb().logLine.findMany({ where: { runId } })).map((r) => r.text)).toEqual(['later']);
  });
});
