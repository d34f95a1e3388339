/**
 * Applies pending migrations at start-up, before the server listens (server/start-server.ts only;
 * route handlers never import this, so neither the Prisma CLI nor `pg` ends up in Next's bundles).
 * SQLite: `prisma migrate deploy`. PostgreSQL: server/database/apply-postgres-migrations.ts, because
 * Prisma 6.19's migrate cannot run over adapter-pg. Rejects with the tool's output on failure.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { applyPostgresMigrations } from './database/apply-postgres-migrations';
import { loadEnv } from './env';

export async function runMigrations(cwd: string = process.cwd()): Promise<void> {
  const { databaseUrl, databaseKind } = loadEnv();
  if (databaseKind === 'postgres') {
    await applyPostgresMigrations(databaseUrl, path.join(cwd, 'prisma', 'postgres', 'migrations'));
    return;
  }
  const bin = path.join(cwd, 'node_modules', '.bin', 'prisma');
  try {
    await promisify(execFile)(bin, ['migrate', 'deploy'], {
      cwd,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      timeout: 120_000,
    });
  } catch (err) {
    const e = err as Error & { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: err });
  }
}
