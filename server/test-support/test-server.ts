/**
 * Starts the real server (server/start-server.ts: front door, Next, socket.io) in-process on a free
 * port for black-box tests, and stops it after the file. Next runs in development mode with webpack
 * (it compiles the routes a test touches from the current sources, never a stale build; webpack
 * because Turbopack refuses a node_modules that is a symlink out of the project, as in a worktree)
 * in a distDir of its own (KSW_TEST_NEXT_DIST_DIR, read by next.config.js), so test files that each
 * start a server do not share Next's dev lock.
 * Call it after useFreshDatabase() and after setting any environment the server should see.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { resetEnvCache } from '../env';
import { startServer, type RunningServer } from '../start-server';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface TestServer {
  /** http://127.0.0.1:<port> once started. */
  readonly url: string;
  readonly port: number;
}

/** Registers beforeAll (start) and afterAll (stop) for the calling test file. */
export function useTestServer(): TestServer {
  let running: RunningServer | undefined;
  const distDir = path.join('.next', `test-${randomBytes(4).toString('hex')}`);
  beforeAll(async () => {
    resetEnvCache();
    process.env.KSW_TEST_NEXT_DIST_DIR = distDir; // read by next.config.js
    running = await startServer({ port: 0, host: '127.0.0.1', dev: true, dir: ROOT, log: () => undefined, webpack: true });
  }, 180_000);
  afterAll(async () => {
    await running?.close();
    fs.rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
  });
  const current = () => {
    if (!running) throw new Error('the test server is not started yet (use it inside a test)');
    return running;
  };
  return {
    get url() {
      return current().url;
    },
    get port() {
      return Number(new URL(current().url).port);
    },
  };
}
