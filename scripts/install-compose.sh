#!/usr/bin/env bash
# Builds the real Docker Compose CLI from its Go module into .tools/bin/docker-compose, so the build
# tests validate docker-compose.yml with Compose's own loader on machines without Docker Desktop or
# the compose plugin. `docker-compose config` only parses and validates: it needs no Docker engine.
# Idempotent: skipped when the binary exists and its stamp records the pinned version.
set -euo pipefail

# The one place the Compose version is pinned: v2.40.3 is the last release under the /v2 module path
# (Compose 5 continues as github.com/docker/compose/v5).
COMPOSE_VERSION=v2.40.3
COMPOSE_MODULE=github.com/docker/compose/v2

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="$root/.tools/bin"
binary="$bin_dir/docker-compose"
stamp="$bin_dir/docker-compose.version"

if [ -x "$binary" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$COMPOSE_VERSION" ]; then
  echo "docker-compose $COMPOSE_VERSION already installed at $binary"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "install-compose: Go is required to build docker-compose $COMPOSE_VERSION (https://go.dev/dl/)" >&2
  exit 1
fi

# `go install pkg@version` refuses this module (its go.mod has exclude directives), so the module is
# downloaded and built as the main module, from a writable copy: the module cache is read-only.
scratch="$(mktemp -d)"
trap 'chmod -R u+w "$scratch"; rm -rf "$scratch"' EXIT

echo "building docker-compose $COMPOSE_VERSION from $COMPOSE_MODULE (a few minutes on a cold Go cache)"
module_dir="$(cd "$scratch" && go mod download -json "$COMPOSE_MODULE@$COMPOSE_VERSION" \
  | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
if [ -z "$module_dir" ]; then
  echo "install-compose: go mod download did not report a folder for $COMPOSE_MODULE@$COMPOSE_VERSION" >&2
  exit 1
fi
cp -R "$module_dir" "$scratch/src"
chmod -R u+w "$scratch/src"
# The same flags as Compose's own Makefile: the version is stamped in, so `docker-compose version`
# reports it instead of "dev".
(cd "$scratch/src" && go build -trimpath \
  -ldflags "-w -X $COMPOSE_MODULE/internal.Version=$COMPOSE_VERSION" \
  -o "$scratch/docker-compose" ./cmd)

mkdir -p "$bin_dir"
mv "$scratch/docker-compose" "$binary"
echo "$COMPOSE_VERSION" > "$stamp"
echo "installed $("$binary" version)"
