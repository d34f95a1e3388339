/**
 * Writes a flush plan through Prisma in one batch transaction: the path for PostgreSQL (createMany
 * in chunks of 2,000 rows). SQLite uses flush-sink-sqlite.ts.
 */
import type { Prisma, PrismaClient } from '@prisma/client';
import type { FlushPlan } from './flush-plan';

export async function writeFlushWithPrisma(db: PrismaClient, plan: FlushPlan): Promise<void> {
  const ops: Prisma.PrismaPromise<unknown>[] = [];
  for (const g of plan.groups) {
    const data = g.lines.map((w) => ({ runId: g.runId, seq: w[0], stage: g.stage, host: w[2], kind: w[3], failed: w[4] === 1, text: w[5] }));
    for (let i = 0; i < data.length; i += 2000) ops.push(db.logLine.createMany({ data: data.slice(i, i + 2000) }));
  }
  for (const [stageId, counter] of plan.stageCounters) ops.push(db.stage.update({ where: { id: stageId }, data: { lastEventCounter: counter } }));
  for (const { stageId, host, inc } of plan.hostCounts) {
    const data: Record<string, { increment: number }> = {};
    for (const [f, n] of Object.entries(inc)) data[f] = { increment: n };
    ops.push(db.stageHost.updateMany({ where: { stageId, host }, data }));
  }
  for (const { stageId, host, error } of plan.hostErrors) {
    ops.push(db.stageHost.updateMany({ where: { stageId, host, errorJson: null }, data: { errorJson: JSON.stringify(error) } }));
  }
  for (const { stageId, host, row } of plan.recaps) {
    ops.push(
      db.stageHost.updateMany({
        where: { stageId, host },
        data: { ok: row.ok, changed: row.changed, failed: row.failed, skipped: row.skipped, unreachable: row.unreachable },
      }),
    );
  }
  await db.$transaction(ops);
}
