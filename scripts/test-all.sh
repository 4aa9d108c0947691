#!/usr/bin/env bash
# `npm run test:all`: the one test command for a fresh machine. Installs what is missing (npm run
# setup), type-checks the code and the tests (npm run typecheck), starts the native stack, runs every
# vitest suite (unit, build, integration) against it, stops the stack, then runs the Compose project in
# a real container engine (npm run test:compose, on the same ports), and ends with the line CI reads:
# `N passed, N failed`, totalled over all suites.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results=.stack/test-results.json
compose_results=.stack/compose-test-results.json
mkdir -p .stack
rm -f "$results" "$compose_results"

# A step that fails before any test ran still has to give CI its closing line.
fail_before_tests() {
  echo "test:all: $1 failed, no tests ran" >&2
  echo "0 passed, 1 failed"
  exit 1
}

bash scripts/setup.sh || fail_before_tests "npm run setup"
source scripts/setup/node-path.sh

# vitest strips the tests' types without checking them, so a type error fails the run here, before
# the stack starts.
npm run --silent typecheck || fail_before_tests "npm run typecheck"

trap 'node scripts/dist/stack-down.js >/dev/null 2>&1 || true' EXIT
node scripts/dist/stack-up.js || fail_before_tests "npm run stack:up"

npx vitest run --reporter=default --reporter=json --outputFile.json="$results"
vitest_status=$?

# The Compose project publishes the native stack's ports, so it runs once the native stack is down. A
# test:compose that fails before its suite ran leaves no report, which counts as one failure.
node scripts/dist/stack-down.js >/dev/null 2>&1 || true
bash scripts/test-compose.sh "$compose_results"
compose_status=$?

node scripts/dist/test-totals.js "$results" "$compose_results" || exit 1
[ "$vitest_status" -eq 0 ] || exit "$vitest_status"
exit "$compose_status"
