#!/usr/bin/env bash
# Web app benchmark (not a test; loopback only; stops everything it started):
#  1. JavaScript shipped per route (first visit, gzip) and FCP/LCP of the events list, median of LOADS (5) cold loads
#     in headless Chromium, with EVENTS (10,000) events loaded into a fresh embedded PostgreSQL (bench/api/load.sql);
#  2. from "confirm" in the wallet to PENDING on screen, median of RUNS (5) purchases on a local Anvil with 1-second
#     blocks (bench/web/pending.bench.ts on the browser tests' stack).
# Needs the packaged jar with the app (mvn package -DskipTests, or SKIP_BUILD=1 to use the last one), chromium and
# psql (apt-get installs them when missing).
#
#   bench/web/run.sh            LOADS=5 RUNS=5 EVENTS=10000 bench/web/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
LOADS=${LOADS:-5}
RUNS=${RUNS:-5}
EVENTS=${EVENTS:-10000}

. scripts/jdk.sh
[ -x /usr/bin/chromium ] || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
command -v psql >/dev/null || { apt-get install -y postgresql-client >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y postgresql-client >/dev/null; }; }

JAR=backend/target/echain-backend-0.1.0-SNAPSHOT.jar
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
  echo "Building the contracts, the web app and the backend (tests skipped)..."
  mvn -B -ntp -q package -DskipTests
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
WORK=$(mktemp -d /tmp/echain-bench-web.XXXXXX)
APP_PORT=$(free_port)
DB_PORT=$(free_port)
ANVIL_PORT=$(free_port)
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Starting the backend on 127.0.0.1:$APP_PORT (PostgreSQL on $DB_PORT, data in $WORK)"
java -Xms512m -Xmx1g -jar "$JAR" --spring.profiles.active=dev \
  --server.address=127.0.0.1 --server.port="$APP_PORT" \
  --echain.embedded-postgres.data-dir="$WORK/pg" --echain.embedded-postgres.port="$DB_PORT" \
  --echain.chain.local-anvil.state-dir="$WORK/anvil" --echain.chain.local-anvil.port="$ANVIL_PORT" \
  --logging.level.root=warn > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  if curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null 2>&1; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null || { echo "backend did not start"; tail -50 "$WORK/app.log"; exit 1; }

echo "Loading $EVENTS events"
PGPASSWORD=postgres psql -q -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -v events="$EVENTS" -f bench/api/load.sql >/dev/null
FIRST=$(curl -sf "http://127.0.0.1:$APP_PORT/api/events?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

echo "Measuring pages (node bench/web/pages.mjs)"
node bench/web/pages.mjs "http://127.0.0.1:$APP_PORT" "$LOADS" "$FIRST" | grep -v '^{'
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

echo "Measuring confirm → PENDING (frontend/playwright.bench.config.ts)"
(cd frontend && RUNS="$RUNS" BACKEND_JAR="$ROOT/$JAR" npx playwright test -c playwright.bench.config.ts --reporter=line) | grep -E 'confirm|passed|failed'
