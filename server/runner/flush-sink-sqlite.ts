/**
 * Writes a flush plan to SQLite on the log writer's own better-sqlite3 connection (server/db.ts
 * `getSqliteLogConnection`), in one synchronous `BEGIN IMMEDIATE` transaction of prepared statements.
 *
 * Why not Prisma here: every parameter and result crosses Prisma's query compiler as JSON, which
 * costs ~4 µs per log line on top of SQLite's ~2.5 µs (and ~0.5 ms per counter update); at
 * 50,000 lines/s that was most of the pipeline's CPU (bench/README.md). Same tables, same column
 * encodings as Prisma's (DateTime as ISO text with +00:00, Boolean as 0/1).
 *
 * The connection's busy timeout is 0: when another connection holds the write lock (a Prisma
 * interactive transaction between two awaits), BEGIN IMMEDIATE fails at once with SQLITE_BUSY
 * instead of blocking the event loop that the lock holder needs to finish; the writer retries.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { FlushPlan } from './flush-plan';

interface Statements {
  insertLines: Statement;
  stageCounter: Statement;
  hostCounts: Statement;
  hostError: Statement;
  recap: Statement;
}

const prepared = new WeakMap<Database, Statements>();

function statementsOf(conn: Database): Statements {
  let s = prepared.get(conn);
  if (!s) {
    s = {
      // The rows as ONE JSON parameter expanded by json_each: one statement per group.
      insertLines: conn.prepare(
        `INSERT INTO "LogLine" ("runId","seq","stage","host","kind","failed","text","at") SELECT ?, j.value->>0, ?, j.value->>2, j.value->>3, j.value->>4, j.value->>5, ? FROM json_each(?) AS j`,
      ),
      stageCounter: conn.prepare(`UPDATE "Stage" SET "lastEventCounter" = ? WHERE "id" = ?`),
      hostCounts: conn.prepare(
        `UPDATE "StageHost" SET "ok" = "ok" + ?, "changed" = "changed" + ?, "failed" = "failed" + ?, "skipped" = "skipped" + ?, "unreachable" = "unreachable" + ? WHERE "stageId" = ? AND "host" = ?`,
      ),
      hostError: conn.prepare(`UPDATE "StageHost" SET "errorJson" = ? WHERE "stageId" = ? AND "host" = ? AND "errorJson" IS NULL`),
      recap: conn.prepare(`UPDATE "StageHost" SET "ok" = ?, "changed" = ?, "failed" = ?, "skipped" = ?, "unreachable" = ? WHERE "stageId" = ? AND "host" = ?`),
    };
    prepared.set(conn, s);
  }
  return s;
}

/** True for SQLite's "database is locked" (another connection holds the write lock). */
export function isSqliteBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** Writes the plan in one transaction; throws SQLITE_BUSY (see isSqliteBusy) without having written anything. */
export function writeFlushToSqlite(conn: Database, plan: FlushPlan, at: Date): void {
  const s = statementsOf(conn);
  const atText = at.toISOString().replace('Z', '+00:00');
  conn
    .transaction(() => {
      for (const g of plan.groups) s.insertLines.run(g.runId, g.stage, atText, JSON.stringify(g.lines));
      for (const [stageId, counter] of plan.stageCounters) s.stageCounter.run(counter, stageId);
      for (const { stageId, host, inc } of plan.hostCounts)
        s.hostCounts.run(inc.ok ?? 0, inc.changed ?? 0, inc.failed ?? 0, inc.skipped ?? 0, inc.unreachable ?? 0, stageId, host);
      for (const { stageId, host, error } of plan.hostErrors) s.hostError.run(JSON.stringify(error), stageId, host);
      for (const { stageId, host, row } of plan.recaps) s.recap.run(row.ok, row.changed, row.failed, row.skipped, row.unreachable, stageId, host);
    })
    .immediate();
}
