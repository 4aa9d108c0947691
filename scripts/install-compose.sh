#!/usr/bin/env bash
# Builds the real Docker Compose CLI from its Go module into .tools/bin/docker-compose, so the build
# tests validate docker-compose.yml with Compose's own loader on machines without Docker Desktop or
# the compose plugin. `docker-compose config` only parses and validates: it needs no Docker engine.
# The module's go.mod has exclude directives, so build-go-module.sh builds it as the main module.
set -euo pipefail

# The one place the Compose version is pinned: v2.40.3 is the last release under the /v2 module path
# (Compose 5 continues as github.com/docker/compose/v5).
COMPOSE_VERSION=v2.40.3
COMPOSE_MODULE=github.com/docker/compose/v2

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The same flags as Compose's own Makefile: the version is stamped in, so `docker-compose version`
# reports it instead of "dev".
exec bash "$root/scripts/setup/build-go-module.sh" docker-compose "$COMPOSE_MODULE@$COMPOSE_VERSION" ./cmd \
  -ldflags "-w -X $COMPOSE_MODULE/internal.Version=$COMPOSE_VERSION"
