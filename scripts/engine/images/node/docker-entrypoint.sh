#!/bin/sh
# As the official image's: arguments that are not a command (`-e …`, `app.js`) are given to node.
set -e
if [ "${1#-}" != "$1" ] || [ -z "$(command -v "$1")" ] || { [ -f "$1" ] && ! [ -x "$1" ]; }; then
  set -- node "$@"
fi
exec "$@"
