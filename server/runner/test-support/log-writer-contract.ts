/**
 * What the log writer must do on any database (vitest cases): registered by
 * server/runner/log-writer.test.ts (SQLite sink) and server/database/postgres.test.ts (Prisma sink),
 * each inside its own describe with its database set up.
 */
import { expect, it } from 'vitest';
import { getDb } from '../../db';
import { LogWriter, type StageBatch } from '../log-writer';
import type { HostError } from '../translate-event';

export const hostError = (task: string): HostError => ({ task, msg: `${task} failed`, stderr: '', stdout: '', file: 'x.yml' });

export function batch(runId: string, stageId: string, lines: string[], extra: Partial<StageBatch> = {}): StageBatch {
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

/** An install with one run and one stage on hosts m1 and m2. */
export async function makeStage(): Promise<{ runId: string; stageId: string }> {
  const db = getDb();
  const install = await db.install.create({ data: { name: 'w', configJson: '{}' } });
  const run = await db.run.create({ data: { installId: install.id } });
  const stage = await db.stage.create({
    data: { runId: run.id, position: 0, name: 'verify', playbook: 'verify.yml', hosts: { create: [{ host: 'm1' }, { host: 'm2' }] } },
  });
  return { runId: run.id, stageId: stage.id };
}

export function logWriterContract(): void {
  it('commits lines, counters, the first error and the recap together', async () => {
    const { runId, stageId } = await makeStage();
    const writer = new LogWriter();
    writer.enqueue(
      batch(runId, stageId, ['one', 'two'], {
        lastCounter: 3,
        counts: new Map([['m1', { ok: 2, changed: 1 }]]),
        errors: new Map([['m2', hostError('first')]]),
      }),
    );
    writer.enqueue(batch(runId, stageId, ['three'], { lastCounter: 5, counts: new Map([['m1', { ok: 1 }]]), errors: new Map([['m2', hostError('second')]]) }));
    await writer.drain();
    const db = getDb();
    const rows = await db.logLine.findMany({ where: { runId }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.seq, r.text, r.host, r.kind, r.failed])).toEqual([
      [1, 'one', 'm1', 'line', false],
      [2, 'two', 'm1', 'line', false],
      [3, 'three', 'm1', 'line', false],
    ]);
    expect(rows[0]?.at).toBeInstanceOf(Date);
    expect(Math.abs((rows[0]?.at.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect((await db.stage.findUniqueOrThrow({ where: { id: stageId } })).lastEventCounter).toBe(5);
    const hosts = await db.stageHost.findMany({ where: { stageId }, orderBy: { host: 'asc' } });
    expect(hosts.map((h) => [h.host, h.ok, h.changed])).toEqual([
      ['m1', 3, 1],
      ['m2', 0, 0],
    ]);
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

  it('writes a batch larger than 2,000 rows, failed lines and host-less lines', async () => {
    const { runId, stageId } = await makeStage();
    const writer = new LogWriter();
    const big = batch(
      runId,
      stageId,
      Array.from({ length: 2500 }, (_, i) => `line ${i + 1}`),
      { lastCounter: 2500 },
    );
    big.lines[2499] = { host: null, kind: 'event', failed: true, text: 'last', t: 0 };
    writer.enqueue(big);
    await writer.drain();
    const rows = await getDb().logLine.findMany({ where: { runId }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
    expect(rows[1999]?.text).toBe('line 2000');
    expect(rows.map((r) => [r.host, r.kind, r.failed, r.text]).at(-1)).toEqual([null, 'event', true, 'last']);
    expect((await getDb().stage.findUniqueOrThrow({ where: { id: stageId } })).lastEventCounter).toBe(2500);
  });
}
