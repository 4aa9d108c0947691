#!/usr/bin/env bash
# Builds one command of a Go module at a pinned version into .tools/bin, for modules that
# `go install pkg@version` refuses (their go.mod has replace or exclude directives): the module is
# downloaded, copied somewhere writable (the module cache is read-only) and built as the main module.
# Idempotent: skipped when the binary exists and its stamp records the same module@version.
#   build-go-module.sh <name> <module@version> <package dir> [go build flags...]
set -euo pipefail
name="$1" module="$2" package="$3"
shift 3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin_dir="$root/.tools/bin"
binary="$bin_dir/$name"
stamp="$bin_dir/$name.version"

if [ -x "$binary" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$module" ]; then
  echo "$name $module already built at $binary"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "build-go-module: Go is required to build $name from $module" >&2
  exit 1
fi

scratch="$(mktemp -d)"
trap 'chmod -R u+w "$scratch"; rm -rf "$scratch"' EXIT
echo "building $name from $module (a few minutes on a cold Go cache)"
dir="$(cd "$scratch" && go mod download -json "$module" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
if [ -z "$dir" ]; then
  echo "build-go-module: go mod download did not report a folder for $module" >&2
  exit 1
fi
cp -R "$dir" "$scratch/src"
chmod -R u+w "$scratch/src"
(cd "$scratch/src" && go build -trimpath "$@" -o "$scratch/$name" "$package")
mkdir -p "$bin_dir"
mv "$scratch/$name" "$binary"
echo "$module" > "$stamp"
echo "built $binary"
