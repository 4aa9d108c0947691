#!/usr/bin/env bash
# Installs Jaeger at the release docker-compose.yml's image runs, into .tools/bin/jaeger. First the
# official release archive, whose binary carries the UI, verified against the checksum pinned in
# jaeger-release.sha256 (fetch-jaeger-release.sh). Where that is refused (not pinned, unreachable,
# a mismatch) it is built from the same release's Go module (the image's `x-go-module`): that binary
# has no UI assets (Jaeger's release process builds them with npm), so the query API works and the
# UI page is a placeholder. The module's go.mod has replace directives, so build-go-module.sh builds
# it as the main module.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="$(sed -n 's/^ *image: *jaegertracing\/jaeger:\([0-9.]*\)$/\1/p' "$root/docker-compose.yml" | head -n1)"
module="$(sed -n 's/^ *x-go-module: *//p' "$root/docker-compose.yml" | head -n1)"
if [ -z "$version" ] || [ -z "$module" ]; then
  echo "install-jaeger: docker-compose.yml's jaeger service lacks an image version or an x-go-module" >&2
  exit 1
fi
if bash "$root/scripts/setup/fetch-jaeger-release.sh" "$version"; then
  exit 0
fi
echo "install-jaeger: building Jaeger $version from its Go module instead: natively the Jaeger UI on :16686 is a placeholder page (the query API is complete)" >&2
exec bash "$root/scripts/setup/build-go-module.sh" jaeger "$module" ./cmd/jaeger
