/**
 * PostgreSQL end to end: a throwaway cluster from Debian's postgresql package (initdb as the
 * postgres user, on a random loopback port), the committed Postgres migrations applied at
 * "start-up", then the real install service and the runner's log writer (its Prisma sink,
 * server/runner/flush-sink-prisma.ts) through the second generated client.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConfig } from '@/lib/config/fixtures';
import { disconnectDb, getDb } from '../db';
import { resetEnvCache } from '../env';
import { createInstall } from '../installs/create-install';
import { getInstall } from '../installs/get-install';
import { resolveSecrets } from '../installs/resolve-secrets';
import { runMigrations } from '../run-migrations';
import { logWriterContract } from '../runner/test-support/log-writer-contract';

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  if (!version) throw new Error("PostgreSQL is not installed: run bash scripts/setup.sh (it installs Debian's postgresql)");
  return path.join(root, version, 'bin');
}

const port = 20_000 + Math.floor(Math.random() * 20_000);
let dir = '';
let savedUrl: string | undefined;

function asPostgres(command: string): void {
  execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe', timeout: 60_000 });
}

beforeAll(async () => {
  const bin = postgresBin();
  dir = mkdtempSync(path.join(os.tmpdir(), 'ksw-pg-'));
  chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U ksw >/dev/null`);
  asPostgres(`${bin}/pg_ctl -D ${dir}/data -w -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1" -l ${dir}/log start >/dev/null`);
  const admin = new pg.Client({ connectionString: `postgresql://ksw@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE kswtest');
  await admin.end();
  savedUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `postgresql://ksw@127.0.0.1:${port}/kswtest`;
  resetEnvCache();
  await disconnectDb();
});

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = savedUrl;
  resetEnvCache();
  if (dir) {
    try {
      asPostgres(`${postgresBin()}/pg_ctl -D ${dir}/data -m immediate stop >/dev/null`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

describe('PostgreSQL', () => {
  it('applies the committed migrations at start-up, once', async () => {
    await runMigrations();
    await runMigrations();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ name: string }>('SELECT name FROM ksw_migrations');
    const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    await client.end();
    const committed = readdirSync(path.resolve(import.meta.dirname, '../../prisma/postgres/migrations'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(committed[0]).toBe('0001_init');
    expect(rows.map((r) => r.name).sort()).toEqual(committed);
    expect(tables.rows.map((t) => t.tablename)).toEqual(expect.arrayContaining(['Install', 'Node', 'Run', 'LogLine', 'PreflightResult']));
  });

  it('stores an install with its secrets encrypted, and reads it back through the same services', async () => {
    const config = seedConfig();
    const master2 = config.hosts[1];
    master2.auth = { kind: 'password', password: { set: true, value: 'pg-secret-Pass1' } };
    const created = await createInstall({ name: 'on postgres', config });

    const row = await getDb().install.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.configJson).not.toContain('pg-secret-Pass1');
    expect(row.secretsEnc ?? '').not.toContain('pg-secret-Pass1');
    expect(JSON.stringify(await getInstall(created.id))).not.toContain('pg-secret-Pass1');

    const resolved = await resolveSecrets(created.id);
    const resolvedMaster2 = resolved.hosts[1];
    expect(resolvedMaster2.auth.kind === 'password' && resolvedMaster2.auth.password.value).toBe('pg-secret-Pass1');
    expect(await getDb().node.count({ where: { installId: created.id } })).toBe(6);
  });
});

// The same cases as server/runner/log-writer.test.ts on SQLite, through the Prisma sink.
describe('LogWriter on PostgreSQL', () => {
  beforeAll(async () => {
    await runMigrations(); // idempotent; lets these cases run alone (-t)
  });

  logWriterContract();
});
