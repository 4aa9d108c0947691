#!/usr/bin/env bash
# Runs a command with the project's Node and tools first on PATH: the Node that `npm run setup`
# installs into .tools when the machine's own is older than the 22.15 OpenTelemetry's SDK requires.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup/node-path.sh"
exec "$@"
