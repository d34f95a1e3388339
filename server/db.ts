/**
 * The process-wide Prisma client and start-up migration.
 *
 * SQLite (a `file:` DATABASE_URL, the default): client generated from prisma/schema.prisma with the
 * better-sqlite3 driver adapter; migrations applied with `prisma migrate deploy`.
 * PostgreSQL (a `postgres://` URL): the client generated from prisma/postgres/schema.prisma into
 * node_modules/.prisma/client-postgres with @prisma/adapter-pg; migrations applied by
 * server/database/apply-postgres-migrations.ts (Prisma 6.19's migrate cannot run over adapter-pg).
 * Both schemas are generated from the same models, so callers see one PrismaClient type.
 *
 * Migrations: server/run-migrations.ts (kept apart so route bundles never load the CLI or `pg`).
 *
 * Invariants:
 * - one PrismaClient per process, kept on globalThis (Next may evaluate this module twice);
 * - the database URL always comes from the validated env (server/env.ts);
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import Database from 'better-sqlite3';
import { PrismaClient } from '@prisma/client';
import { loadEnv } from './env';

const globalDb = globalThis as unknown as { __kswPrisma?: PrismaClient; __kswPragmas?: Promise<void>; __kswLogConn?: Database.Database };

type ClientCtor = new (options: { adapter: unknown }) => unknown;
type PgAdapterCtor = new (config: { connectionString: string }) => unknown;

/** Loaded at run time (opaque to the bundler): the Postgres client is a second generated client. */
function createPostgresClient(connectionString: string): PrismaClient {
  const load = createRequire(path.join(process.cwd(), 'package.json'));
  const { PrismaClient: PgClient } = load('.prisma/client-postgres') as { PrismaClient: ClientCtor };
  const { PrismaPg } = load('@prisma/adapter-pg') as { PrismaPg: PgAdapterCtor };
  return new PgClient({ adapter: new PrismaPg({ connectionString }) }) as PrismaClient;
}

/** Returns the shared Prisma client, creating it on first use. */
export function getDb(): PrismaClient {
  if (!globalDb.__kswPrisma) {
    const { databaseUrl, databaseKind } = loadEnv();
    globalDb.__kswPrisma =
      databaseKind === 'postgres'
        ? createPostgresClient(databaseUrl)
        : // `timeout` is better-sqlite3's busy timeout (ms): writers wait instead of failing with SQLITE_BUSY.
          new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5000 }) });
  }
  return globalDb.__kswPrisma;
}

/**
 * SQLite only: WAL (readers never block the writer), busy timeout, foreign keys. Idempotent.
 * synchronous=NORMAL: in WAL mode the database stays consistent on a crash; only the last commits
 * may be lost on power failure, and the runner's record survives that: a batch of log lines and its
 * stage's last event counter commit together, and ansible-runner's artifacts on disk are replayed
 * from that counter. It saves an fsync per log batch.
 */
export function configureSqlite(): Promise<void> {
  globalDb.__kswPragmas ??= (async () => {
    if (loadEnv().databaseKind !== 'sqlite') return;
    const db = getDb();
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
    await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
    await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  })();
  return globalDb.__kswPragmas;
}

/** The file of a `file:` DATABASE_URL (relative paths from the working directory, query string dropped). */
export function sqliteFileOf(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, '').replace(/\?.*$/, ''));
}

/**
 * SQLite only: the log writer's own connection (server/runner/flush-sink-sqlite.ts explains why),
 * opened on first use. busy_timeout 0: it must never wait for a lock inside the event loop.
 */
export function getSqliteLogConnection(): Database.Database {
  if (!globalDb.__kswLogConn) {
    const { databaseUrl, databaseKind } = loadEnv();
    if (databaseKind !== 'sqlite') throw new Error('getSqliteLogConnection: the database is not SQLite');
    // journal_mode is left to configureSqlite (WAL is a property of the file; setting it needs a lock).
    const conn = new Database(sqliteFileOf(databaseUrl), { fileMustExist: true, timeout: 0 });
    try {
      conn.pragma('synchronous = NORMAL');
      conn.pragma('foreign_keys = ON');
    } catch (err) {
      conn.close();
      throw err;
    }
    globalDb.__kswLogConn = conn;
  }
  return globalDb.__kswLogConn;
}

/** Closes the shared client and the log connection (shutdown and tests). */
export async function disconnectDb(): Promise<void> {
  const db = globalDb.__kswPrisma;
  const logConn = globalDb.__kswLogConn;
  globalDb.__kswPrisma = undefined;
  globalDb.__kswPragmas = undefined;
  globalDb.__kswLogConn = undefined;
  logConn?.close();
  await db?.$disconnect();
}
