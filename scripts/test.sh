#!/usr/bin/env bash
# `npm test`: type check, strict lint and the formatter's check, then every test, with real parts: unit, property and integration tests (vitest: real
# SQLite, real sshd lab hosts, the bundle's Ansible on a lab taskbox), then the production build and the
# end-to-end tests in Debian's Chromium (Playwright). Prints one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
[ "$(id -u)" -ne 0 ] || mkdir -p /run/sshd
rm -rf test-results && mkdir -p test-results

status=0
# The production build needs none of the checks below and the lab tests leave the CPU idle while
# they wait on the hosts, so it runs beside them; Playwright waits for it.
npx next build > test-results/next-build.log 2>&1 &
build=$!
# The type check and the linter each use one core: side by side (their output kept apart, shown after).
npx tsc --noEmit > test-results/tsc.log 2>&1 &
tsc=$!
npx eslint . > test-results/eslint.log 2>&1 &
eslint=$!
npx prettier --check . > /dev/null || { npx prettier --list-different . >&2; echo "test: files not formatted (npm run format)" >&2; status=1; }
wait "$tsc" || { cat test-results/tsc.log >&2; echo "test: type errors (npx tsc --noEmit)" >&2; status=1; }
wait "$eslint" || { cat test-results/eslint.log >&2; echo "test: lint errors (npx eslint .)" >&2; status=1; }
npx vitest run || status=1
if wait "$build"; then
  npx playwright test || status=1
else
  tail -n 40 test-results/next-build.log >&2
  echo "test: next build failed (test-results/next-build.log); end-to-end tests not run" >&2
  status=1
fi
node scripts/summarize-tests.mjs || status=1
exit $status
