#!/usr/bin/env bash
# Drop benchmark (not a test; loopback only, bounded, stops everything it started): a fresh backend jar with
# embedded PostgreSQL and its local Anvil mining a block every 2 s (like Base), one event with TICKETS tickets,
# BUYERS fresh wallets funded with anvil_setBalance, each buying 1-4 tickets as fast as it can (quote -> send ->
# POST /api/payments) until sold out, while VISITORS virtual visitors poll the event page and its quote every
# 2 s; BAD_SHARE of the buyers' attempts send bad input (a wrong amount, an over-limit quantity, a garbage hash).
# Prints the figures of bench/drop/README.md.
#
#   bench/drop/run.sh          TICKETS=5000 BUYERS=2000 VISITORS=500 MAX_SECONDS=600 SKIP_BUILD=1 bench/drop/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
export TICKETS=${TICKETS:-5000} BUYERS=${BUYERS:-2000} VISITORS=${VISITORS:-500} BAD_SHARE=${BAD_SHARE:-0.05}
export MAX_SECONDS=${MAX_SECONDS:-600}

. scripts/jdk.sh
JAR=backend/target/echain-backend-0.1.0-SNAPSHOT.jar
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
  echo "Building the contracts and the backend (tests skipped)..."
  mvn -B -ntp -q package -DskipTests
fi
"$ROOT/contracts/bin/anvil" --version >/dev/null 2>&1 || bash contracts/scripts/install.sh
(cd bench/drop && { [ -d node_modules/viem ] || npm ci --no-audit --no-fund >/dev/null; })

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
WORK=$(mktemp -d /tmp/echain-drop-bench.XXXXXX)
APP_PORT=$(free_port)
ANVIL_PORT=$(free_port)
APP_PID=""
cleanup() {
  for pid in "$APP_PID"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  # The backend stops the Anvil it started (on SIGTERM).
  if [ -z "${KEEP_WORK:-}" ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT

echo "Backend on 127.0.0.1:$APP_PORT, Anvil on 127.0.0.1:$ANVIL_PORT (2-second blocks), data in $WORK"
# One client IP for everyone: the per-IP limits are raised (a real drop comes from thousands of addresses).
ECHAIN_DEV_BLOCK_TIME=2 ECHAIN_DEV_ANVIL_PORT=$ANVIL_PORT \
ECHAIN_RATE_SIGN_IN_PER_IP=1000000 ECHAIN_RATE_WRITE_PER_IP=1000000 ECHAIN_RATE_ESTIMATE_PER_IP=1000000 \
timeout $((MAX_SECONDS + 900)) java ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} -jar "$JAR" --spring.profiles.active=dev \
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
CLK_TCK=$(getconf CLK_TCK)
cpu_s() { # CPU seconds of one process and its children so far
  local p=$1; [ -r "/proc/$p/stat" ] && awk -v t="$CLK_TCK" '{printf "%.1f", ($14 + $15 + $16 + $17) / t}' "/proc/$p/stat" || echo 0
}
JVM_PID=$(pgrep -P "$APP_PID" | head -1) # the java under timeout
APP_CPU0=$(cpu_s "$JVM_PID")
STARTED=$(date +%s)
WORK="$WORK" BASE="http://127.0.0.1:$APP_PORT" RPC="http://127.0.0.1:$ANVIL_PORT" \
  timeout $((MAX_SECONDS + 600)) node bench/drop/drop.mjs | tee "$WORK/drop.out"
echo "wall time of the load: $(( $(date +%s) - STARTED )) s; backend JVM CPU: $(awk -v a="$(cpu_s "$JVM_PID")" -v b="$APP_CPU0" 'BEGIN {printf "%.1f", a - b}') s"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "backend log lines with ERROR: $(grep -c " ERROR " "$WORK/app.log" || true)"
# What they said, most frequent first (the message without its timestamp and thread).
grep -E " (ERROR|WARN) " "$WORK/app.log" | sed -E 's/^[^ ]+ +(ERROR|WARN) [0-9]+ --- \[[^]]*\] \[[^]]*\] //' \
  | cut -c1-200 | sort | uniq -c | sort -rn | head -8 || true
