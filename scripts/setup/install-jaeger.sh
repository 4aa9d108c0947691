#!/usr/bin/env bash
# Builds Jaeger from its Go module at the release docker-compose.yml pins for the image (its
# `x-go-module`), into .tools/bin/jaeger. `go install module/cmd/jaeger@version` is refused because the
# module's go.mod has replace directives, so the module is downloaded and built as the main module
# from a writable copy. The binary has no UI assets (those are built with npm in Jaeger's release
# process): the query API works, and the UI page is a placeholder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="$(sed -n 's/^ *x-go-module: *//p' "$root/docker-compose.yml" | head -n1)"
if [ -z "$module" ]; then
  echo "install-jaeger: no x-go-module for jaeger in docker-compose.yml" >&2
  exit 1
fi
bin_dir="$root/.tools/bin"
binary="$bin_dir/jaeger"
stamp="$bin_dir/jaeger.version"
if [ -x "$binary" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$module" ]; then
  echo "jaeger $module already built"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "install-jaeger: Go 1.24 or newer is required to build $module" >&2
  exit 1
fi
scratch="$(mktemp -d)"
trap 'chmod -R u+w "$scratch"; rm -rf "$scratch"' EXIT
echo "downloading $module"
dir="$(go mod download -json "$module" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
cp -r "$dir" "$scratch/src"
chmod -R u+w "$scratch/src"
echo "building cmd/jaeger (a few minutes the first time)"
mkdir -p "$bin_dir"
(cd "$scratch/src" && go build -trimpath -o "$binary" ./cmd/jaeger)
echo "$module" > "$stamp"
echo "built $binary"
