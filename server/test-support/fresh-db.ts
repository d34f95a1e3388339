/**
 * Gives the calling test file its own copy of the migrated test database (made by global-setup.ts),
 * so files running in parallel never share the Admin row or sessions. Call it at the top of a test
 * file, before anything touches the database.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll } from 'vitest';
import { disconnectDb } from '../db';
import { resetEnvCache } from '../env';

export function useFreshDatabase(): string {
  // Not DATABASE_URL: a test file that ran earlier in the same worker process has pointed it at its
  // own copy, with its admin and sessions in it.
  const template = process.env.KSW_TEST_TEMPLATE_DB ?? '';
  const dataDir = process.env.KSW_DATA_DIR;
  if (!template || !dataDir) throw new Error('run the tests through vitest (server/test-support/global-setup.ts)');
  // in the file's own data dir (own-test-files.ts), as the wizard keeps its database in its data dir
  const file = path.join(dataDir, `t-${randomBytes(6).toString('hex')}.db`);
  fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
  resetEnvCache();
  afterAll(async () => {
    await disconnectDb();
  });
  return file;
}
