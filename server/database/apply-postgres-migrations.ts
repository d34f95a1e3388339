/**
 * Applies prisma/postgres/migrations/<name>/migration.sql to a PostgreSQL database.
 *
 * Why not `prisma migrate deploy`: through the JS engine's @prisma/adapter-pg, every Prisma 6.19
 * migrate command fails with "Column type 'name' could not be deserialized from the database"
 * (prisma/orm#27403, open). Prisma still *generates* the SQL (scripts/postgres-schema.mjs and
 * `prisma migrate diff`); this applies it: in name order, each in one transaction, recorded in
 * `ksw_migrations` with a checksum, under an advisory lock so two servers cannot race.
 * A recorded migration whose file changed is an error, never silently re-applied.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const LOCK_ID = 0x6b7377; // "ksw"

export interface AppliedMigrations {
  applied: string[];
  alreadyApplied: number;
}

export async function applyPostgresMigrations(connectionString: string, migrationsDir: string): Promise<AppliedMigrations> {
  const migrations = listMigrations(migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS ksw_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM ksw_migrations');
    const recorded = new Map(rows.map((r) => [r.name, r.checksum]));
    const applied: string[] = [];
    for (const m of migrations) {
      const seen = recorded.get(m.name);
      if (seen !== undefined) {
        if (seen !== m.checksum) throw new Error(`migration ${m.name} was changed after it was applied to this database`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO ksw_migrations (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      applied.push(m.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}

function listMigrations(dir: string): { name: string; sql: string; checksum: string }[] {
  if (!existsSync(dir)) throw new Error(`no migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}
