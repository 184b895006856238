#!/usr/bin/env bash
# Check-in benchmark, online part (not a test; loopback only, bounded, stops everything it started): a fresh backend
# jar with embedded PostgreSQL and its local Anvil (a block per second), one event with TICKETS tickets bought by
# WALLETS fresh wallets in purchases of 10, every holder's pass and code signed as the holder's page signs them
# (online.mjs), then GATES door-staff scanners scanning every ticket once, each as fast as it can: verdicts per second
# and scan-to-verdict p50/p99 (targets: >= 200/s, p99 <= 300 ms), and RESCANS second scans. Prints the figures of
# bench/checkin/README.md. The in-browser offline verification is timed by its own script in this folder.
#
#   bench/checkin/run.sh          TICKETS=20000 WALLETS=400 GATES=10 SKIP_BUILD=1 bench/checkin/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
export TICKETS=${TICKETS:-20000} WALLETS=${WALLETS:-400} GATES=${GATES:-10} RESCANS=${RESCANS:-1000}
MAX_SECONDS=${MAX_SECONDS:-1800}

. scripts/jdk.sh
JAR=backend/target/echain-backend-0.1.0-SNAPSHOT.jar
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
  echo "Building the contracts and the backend (tests skipped)..."
  mvn -B -ntp -q package -DskipTests
fi
"$ROOT/contracts/bin/anvil" --version >/dev/null 2>&1 || bash contracts/scripts/install.sh
(cd bench/checkin && { [ -d node_modules/viem ] || npm ci --no-audit --no-fund >/dev/null; })

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
WORK=$(mktemp -d /tmp/echain-checkin-bench.XXXXXX)
APP_PORT=$(free_port)
ANVIL_PORT=$(free_port)
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  # The backend stops the Anvil it started (on SIGTERM).
  if [ -z "${KEEP_WORK:-}" ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT

echo "Backend on 127.0.0.1:$APP_PORT, Anvil on 127.0.0.1:$ANVIL_PORT (1-second blocks), data in $WORK"
# One client IP and a few wallets do everything: the rate limits are raised. The codes are signed before the doors
# open (online.mjs), so the code window covers the whole run; every other setting is the default.
ECHAIN_DEV_BLOCK_TIME=1 ECHAIN_DEV_ANVIL_PORT=$ANVIL_PORT ECHAIN_JWT_TTL=2h \
ECHAIN_RATE_SIGN_IN_PER_IP=1000000 ECHAIN_RATE_WRITE_PER_IP=1000000 ECHAIN_RATE_WRITE_PER_USER=1000000 \
ECHAIN_RATE_CHECKIN_PER_IP=1000000 ECHAIN_RATE_CHECKIN_PER_USER=1000000 ECHAIN_CHECKIN_CODE_WINDOW=${CODE_WINDOW:-1800s} \
timeout $((MAX_SECONDS + 300)) java ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} -jar "$JAR" --spring.profiles.active=dev \
  --server.address=127.0.0.1 --server.port="$APP_PORT" \
  --echain.embedded-postgres.data-dir="$WORK/pg" --echain.chain.local-anvil.state-dir="$WORK/anvil" \
  --logging.level.root=warn > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  if curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null 2>&1; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null || { echo "backend did not start"; tail -50 "$WORK/app.log"; exit 1; }

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo "uptime: $(uptime)"
STARTED=$(date +%s)
JVM_PID=$(pgrep -P "$APP_PID" java | head -1) # the java under timeout
PG_PID=$(pgrep -f "postgres -D $WORK/pg" | head -1)
JVM_PID=$JVM_PID PG_PID=$PG_PID BASE="http://127.0.0.1:$APP_PORT" RPC="http://127.0.0.1:$ANVIL_PORT" \
  timeout "$MAX_SECONDS" node bench/checkin/online.mjs | tee "$WORK/checkin.out"
echo "wall time: $(( $(date +%s) - STARTED )) s"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "uptime: $(uptime)"
echo "backend log lines with ERROR: $(grep -c " ERROR " "$WORK/app.log" || true)"
