#!/usr/bin/env bash
# Builds Jaeger from its Go module at the release docker-compose.yml pins for the image (its
# `x-go-module`), into .tools/bin/jaeger. The module's go.mod has replace directives, so
# build-go-module.sh builds it as the main module. The binary has no UI assets (those are built with
# npm in Jaeger's release process): the query API works, and the UI page is a placeholder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="$(sed -n 's/^ *x-go-module: *//p' "$root/docker-compose.yml" | head -n1)"
if [ -z "$module" ]; then
  echo "install-jaeger: no x-go-module for jaeger in docker-compose.yml" >&2
  exit 1
fi
exec bash "$root/scripts/setup/build-go-module.sh" jaeger "$module" ./cmd/jaeger
