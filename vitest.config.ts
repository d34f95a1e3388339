import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'lab/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['./server/test-support/global-setup.ts'],
    setupFiles: ['./server/test-support/own-test-files.ts'],
    // the lab files mostly wait on their hosts: more files than cores at once (KSW_TEST_WORKERS to change)
    maxWorkers: Number(process.env.KSW_TEST_WORKERS ?? 3),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
