import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'lab/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['./server/test-support/global-setup.ts'],
    setupFiles: ['./server/test-support/own-test-files.ts'],
    // two files at a time even on 2 cores (vitest's default there is one): a lab file leaves the CPU
    // idle while its hosts start, time out or sleep, and the other file fills it. Each file has its own
    // database and data dir (own-test-files.ts) and leases its own lab hosts. KSW_TEST_WORKERS=1 runs them one by one.
    maxWorkers: Number(process.env.KSW_TEST_WORKERS ?? 2),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
