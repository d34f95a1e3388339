// Reads the JSON reports of vitest and Playwright and prints the plain closing line CI counts:
// "N passed, N failed" (", N skipped" when any). Exits non-zero when a report is missing.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0,
  failed = 0,
  skipped = 0,
  missing = [];

const vitestFile = 'test-results/vitest.json';
if (existsSync(vitestFile)) {
  const r = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // Unhandled errors fail the run without failing a test: count them so the line agrees with the exit code.
  if (r.success === false && failed === 0) {
    console.error('summary: vitest reported unhandled errors (see "Unhandled Errors" above); counted as one failure');
    failed += 1;
  }
} else missing.push('vitest');

const pwFile = 'test-results/playwright.json';
if (existsSync(pwFile)) {
  const r = JSON.parse(readFileSync(pwFile, 'utf8'));
  const s = r.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
} else missing.push('playwright');

if (missing.length) console.error(`summary: no report from ${missing.join(' and ')} (it did not run to the end)`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(missing.length ? 1 : 0);
