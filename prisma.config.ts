// Prisma CLI configuration: JS engine with a driver adapter chosen by DATABASE_URL: better-sqlite3
// for `file:` URLs (the default), node-postgres for `postgres://` URLs (then the derived schema
// prisma/postgres/schema.prisma and its own migrations are used).
// DATABASE_URL must always be set, or even `prisma generate` tries to download a native engine.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

process.env.DATABASE_URL ??= `file:${path.resolve(process.env.KSW_DATA_DIR ?? 'data', 'ks-wizard.db')}`;
const url = process.env.DATABASE_URL;
const isPostgres = /^postgres(ql)?:\/\//.test(url);

// The shadow DB replays migration.sql through executeRaw, which better-sqlite3 runs with prepare():
// multi-statement scripts fail (P3006). Route parameterless statements through executeScript.
function withScriptShadow(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connectShadow = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const adapter = await connectShadow();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length === 0) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return adapter;
  };
  return factory;
}

export default defineConfig({
  schema: isPostgres ? path.join('prisma', 'postgres', 'schema.prisma') : path.join('prisma', 'schema.prisma'),
  migrations: { path: isPostgres ? path.join('prisma', 'postgres', 'migrations') : path.join('prisma', 'migrations') },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => {
    if (!isPostgres) return withScriptShadow(new PrismaBetterSQLite3({ url }));
    const { PrismaPg } = await import('@prisma/adapter-pg');
    return new PrismaPg({ connectionString: url });
  },
});
