/**
 * The process-wide Prisma client (JS engine + better-sqlite3 driver adapter) and start-up migration.
 *
 * Invariants:
 * - one PrismaClient per process, kept on globalThis (Next may evaluate this module twice);
 * - the database URL always comes from the validated env (server/env.ts);
 * - migrations are applied with the Prisma CLI (`prisma migrate deploy`) before the server listens.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@prisma/client';
import { loadEnv } from './env';

const globalDb = globalThis as unknown as { __kswPrisma?: PrismaClient; __kswPragmas?: Promise<void> };

/** Returns the shared Prisma client, creating it on first use. */
export function getDb(): PrismaClient {
  if (!globalDb.__kswPrisma) {
    const { databaseUrl, databaseKind } = loadEnv();
    if (databaseKind !== 'sqlite') throw new Error('DATABASE_URL: PostgreSQL is not wired into server/db.ts yet; use a file: URL');
    // `timeout` is better-sqlite3's busy timeout (ms): writers wait instead of failing with SQLITE_BUSY.
    globalDb.__kswPrisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5000 }) });
  }
  return globalDb.__kswPrisma;
}

/** Switches the SQLite file to WAL (readers never block the writer) and sets a busy timeout. Idempotent. */
export function configureSqlite(): Promise<void> {
  globalDb.__kswPragmas ??= (async () => {
    const db = getDb();
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
    await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  })();
  return globalDb.__kswPragmas;
}

/** Applies pending migrations with `prisma migrate deploy`; rejects with the CLI's output on failure. */
export async function runMigrations(cwd: string = process.cwd()): Promise<void> {
  const { databaseUrl } = loadEnv();
  const bin = path.join(cwd, 'node_modules', '.bin', 'prisma');
  try {
    await promisify(execFile)(bin, ['migrate', 'deploy'], {
      cwd,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      timeout: 120_000,
    });
  } catch (err) {
    const e = err as Error & { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/** Closes the shared client (shutdown and tests). */
export async function disconnectDb(): Promise<void> {
  const db = globalDb.__kswPrisma;
  globalDb.__kswPrisma = undefined;
  globalDb.__kswPragmas = undefined;
  await db?.$disconnect();
}
