/**
 * Vitest setup file: every test file starts with its own data dir holding its own copy of the
 * migrated template database (global-setup.ts), so files that run at the same time in different
 * workers never write to one SQLite file or look at each other's files. A file that needs a second
 * copy of the database still calls useFreshDatabase().
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const template = process.env.KSW_TEST_TEMPLATE_DB;
if (template) {
  const dataDir = fs.mkdtempSync(path.join(path.dirname(template), 'data-'));
  const file = path.join(dataDir, `f-${randomBytes(6).toString('hex')}.db`);
  fs.copyFileSync(template, file);
  process.env.KSW_DATA_DIR = dataDir;
  process.env.DATABASE_URL = `file:${file}`;
}
