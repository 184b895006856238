#!/usr/bin/env bash
# Installs the web app's npm dependencies with `npm ci`, only when node_modules is missing or package-lock.json
# changed since the last install (same scheme as contracts/scripts/install.sh). Run by Maven in `initialize`.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.package-lock.sha256
current=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -d node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$current" ] && [ -x node_modules/.bin/vite ]; then
  echo "frontend: npm dependencies up to date"
  exit 0
fi
echo "frontend: npm ci"
npm ci --no-audit --no-fund
echo "$current" >"$stamp"
