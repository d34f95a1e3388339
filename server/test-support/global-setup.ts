/**
 * Vitest global setup: a throw-away data dir and SQLite database with every migration applied, and a
 * random secret key. Test workers (forks) inherit these variables; the real ./data is never touched.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-test-'));
  fs.chmodSync(dir, 0o700);
  process.env.KSW_DATA_DIR = dir;
  // migrated once into template.db, which no test opens: every test file gets a copy in its own data
  // dir (own-test-files.ts), so nothing one writes leaks into another
  const template = path.join(dir, 'template.db');
  process.env.DATABASE_URL = `file:${template}`;
  process.env.KSW_TEST_TEMPLATE_DB = template;
  process.env.KSW_SECRET_KEY = randomBytes(32).toString('hex');
  delete process.env.KSW_ADMIN_PASSWORD;
  // route tests call handlers as http://wizard.test:3000 (api-client.ts): that is the wizard's public URL
  process.env.KSW_PUBLIC_URL = 'http://wizard.test:3000';
  delete process.env.KSW_TRUSTED_PROXIES;
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  execFileSync(path.resolve('node_modules/.bin/prisma'), ['migrate', 'deploy'], {
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    stdio: 'pipe',
  });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
