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
import { LogWriter, type StageBatch } from '../runner/log-writer';
import type { HostError } from '../runner/translate-event';

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  if (!version) throw new Error('PostgreSQL is not installed: run bash scripts/setup.sh (it installs Debian\'s postgresql)');
  return path.join(root, version, 'bin');
}

const hostError = (task: string): HostError => ({ task, msg: `${task} failed`, stderr: '', stdout: '', file: 'x.yml' });

function batch(runId: string, stageId: string, lines: string[], extra: Partial<StageBatch> = {}): StageBatch {
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

async function makeStage(): Promise<{ runId: string; stageId: string }> {
  const db = getDb();
  const install = await db.install.create({ data: { name: 'w', configJson: '{}' } });
  const run = await db.run.create({ data: { installId: install.id } });
  const stage = await db.stage.create({ data: { runId: run.id, position: 0, name: 'verify', playbook: 'verify.yml', hosts: { create: [{ host: 'm1' }, { host: 'm2' }] } } });
  return { runId: run.id, stageId: stage.id };
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
    expect(rows.map((r) => r.name)).toEqual(['0001_init']);
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

  it('commits lines, counters, the first error and the recap together', async () => {
    const { runId, stageId } = await makeStage();
    const writer = new LogWriter();
    writer.enqueue(batch(runId, stageId, ['one', 'two'], { lastCounter: 3, counts: new Map([['m1', { ok: 2, changed: 1 }]]), errors: new Map([['m2', hostError('first')]]) }));
    writer.enqueue(batch(runId, stageId, ['three'], { lastCounter: 5, counts: new Map([['m1', { ok: 1 }]]), errors: new Map([['m2', hostError('second')]]) }));
    await writer.drain();
    const db = getDb();
    const rows = await db.logLine.findMany({ where: { runId }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.seq, r.text, r.host, r.kind, r.failed])).toEqual([[1, 'one', 'm1', 'line', false], [2, 'two', 'm1', 'line', false], [3, 'three', 'm1', 'line', false]]);
    expect(rows[0]?.at).toBeInstanceOf(Date);
    expect(Math.abs((rows[0]?.at.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect((await db.stage.findUniqueOrThrow({ where: { id: stageId } })).lastEventCounter).toBe(5);
    const hosts = await db.stageHost.findMany({ where: { stageId }, orderBy: { host: 'asc' } });
    expect(hosts.map((h) => [h.host, h.ok, h.changed])).toEqual([['m1', 3, 1], ['m2', 0, 0]]);
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

  it('writes a batch larger than one createMany chunk (2,000 rows), failed lines and host-less lines', async () => {
    const { runId, stageId } = await makeStage();
    const writer = new LogWriter();
    const big = batch(runId, stageId, Array.from({ length: 2500 }, (_, i) => `line ${i + 1}`), { lastCounter: 2500 });
    big.lines[2499] = { host: null, kind: 'event', failed: true, text: 'last', t: 0 };
    writer.enqueue(big);
    await writer.drain();
    const rows = await getDb().logLine.findMany({ where: { runId }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
    expect(rows[1999]?.text).toBe('line 2000');
    expect(rows.map((r) => [r.host, r.kind, r.failed, r.text]).at(-1)).toEqual([null, 'event', true, 'last']);
    expect((await getDb().stage.findUniqueOrThrow({ where: { id: stageId } })).lastEventCounter).toBe(2500);
  });
});
