#!/usr/bin/env bash
# `npm run test:compose [vitest report file]`: the lab's first command, `docker compose up --build`, run
# for real. Podman (installed where missing) serves the Compose CLI that `npm run setup` builds through
# its Docker-compatible API, from a storage root and socket of its own (/var/lib/tracing-lab/engine); the
# images docker-compose.yml and the Dockerfile take from Docker Hub are stood in for by images built
# here (scripts/engine/images). Then the unmodified `docker compose up --build --wait`, the vitest
# suite `compose` against the published ports, and `docker compose down -v`, which runs however the
# steps before it ended. It needs the ports the native stack uses: stop that first (npm run stack:down).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/setup/node-path.sh
report="${1:-}"

npx tsc -b scripts || { echo "test:compose: the build (tsc -b scripts) failed" >&2; exit 1; }

cleanup() {
  local status=$?
  node scripts/dist/engine/cli.js down || status=1
  exit "$status"
}
trap cleanup EXIT
node scripts/dist/engine/cli.js up || exit 1

if [ -n "$report" ]; then
  npx vitest run --config vitest.compose.config.ts --reporter=default --reporter=json --outputFile.json="$report"
else
  npx vitest run --config vitest.compose.config.ts
fi
