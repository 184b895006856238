#!/usr/bin/env bash
# Installs the contracts' npm dependencies (forge, anvil, cast, solc, OpenZeppelin, ERC721A, solady, forge-std)
# with `npm ci`, but only when node_modules is missing or package-lock.json changed since the last install, so
# repeated builds skip it. Run by Maven in the `initialize` phase; safe to run by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.package-lock.sha256
current=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -d node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$current" ] \
  && bin/forge --version >/dev/null 2>&1 && [ -d node_modules/solc ]; then
  echo "contracts: npm dependencies up to date"
  exit 0
fi
echo "contracts: npm ci"
npm ci --no-audit --no-fund
echo "$current" >"$stamp"
