#!/usr/bin/env bash
# API benchmark (not a test): loads 10,000 events into a fresh embedded PostgreSQL, starts the
# backend on loopback, runs wrk (64 connections, closed loop) against the list with a search term
# and a page and against event details, then pgbench with the list's own SQL as the ceiling.
# Each case runs DURATION seconds (default 15) after WARMUP seconds (default 10) of warm-up;
# everything it started stops at the end.
# Above 10,000 events the catalogue is loaded as it grows (load_realistic.sql: most events in the past,
# ~3% upcoming, a larger vocabulary) and LOAD=realistic|uniform picks either. UNCACHED=1 turns the
# per-instance read caches off, so every request reaches PostgreSQL; it also runs the list without a
# search term and prints the query plans (EXPLAIN ANALYZE, BUFFERS) of the list's SQL.
#
#   bench/api/run.sh                 DURATION=30 CONNECTIONS=64 EVENTS=10000 bench/api/run.sh
#   EVENTS=100000 UNCACHED=1 CONNECTIONS=16 SKIP_BUILD=1 bench/api/run.sh
#   EVENTS=1000000 UNCACHED=1 CONNECTIONS=16 DATA_DIR=/var/tmp/echain-1m LABEL=after SKIP_BUILD=1 bench/api/run.sh
# DATA_DIR keeps the database (and the dev chain) between runs: the catalogue is loaded only when the folder holds
# fewer than EVENTS events, so a million events are loaded once. JAR runs another build (e.g. main's, for a
# baseline). Every figure, the machine's uptime and the query plans go to bench/api/results/<EVENTS>-<LABEL>.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-64}
EVENTS=${EVENTS:-10000}
LOAD=${LOAD:-$([ "$EVENTS" -gt 10000 ] && echo realistic || echo uniform)}
UNCACHED=${UNCACHED:-}
LABEL=${LABEL:-run}
DATA_DIR=${DATA_DIR:-}
# The SQL of the list for the plans and for pgbench; the *-main.sql files hold main's before issue 13 (baseline).
PLANS=${PLANS:-bench/api/plans.sql}
LIST_SQL=${LIST_SQL:-bench/api/list.sql}
export EVENTS

. scripts/jdk.sh
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
command -v pgbench >/dev/null && command -v psql >/dev/null || apt-get install -y postgresql-client >/dev/null

DEFAULT_JAR=backend/target/echain-backend-0.1.0-SNAPSHOT.jar
JAR=${JAR:-$DEFAULT_JAR}
if [ "$JAR" = "$DEFAULT_JAR" ] && { [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; }; then
  echo "Building the contracts and the backend (tests skipped)..."
  mvn -B -ntp -q package -DskipTests
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
WORK=$(mktemp -d /tmp/echain-bench.XXXXXX)
STORE=${DATA_DIR:-$WORK}
mkdir -p "$STORE" bench/api/results
RESULTS="$ROOT/bench/api/results/$EVENTS-$LABEL.txt"
APP_PORT=$(free_port)
DB_PORT=$(free_port)
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Starting the backend on 127.0.0.1:$APP_PORT (PostgreSQL on $DB_PORT, data in $STORE)"
java ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} -jar "$JAR" --spring.profiles.active=dev \
  --server.address=127.0.0.1 --server.port="$APP_PORT" \
  --echain.embedded-postgres.data-dir="$STORE/pg" --echain.embedded-postgres.port="$DB_PORT" \
  --echain.chain.local-anvil.state-dir="$STORE/anvil" \
  ${UNCACHED:+--echain.events.list-cache-ttl=0s --echain.events.detail-cache-ttl=0s} \
  --logging.level.root=warn > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  if curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null 2>&1; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null || { echo "backend did not start"; tail -50 "$WORK/app.log"; exit 1; }

export PGPASSWORD=postgres
PSQL=(psql -q -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres)
if [ "$("${PSQL[@]}" -tAc 'select count(*) from events')" -lt "$EVENTS" ]; then
  echo "Loading $EVENTS events ($LOAD)..."
  LOAD_STARTED=$(date +%s)
  if [ "$LOAD" = realistic ]; then
    "${PSQL[@]}" -v events="$EVENTS" -f bench/api/load_realistic.sql
  else
    "${PSQL[@]}" -v events="$EVENTS" -f bench/api/load.sql
  fi
  echo "Loaded in $(( $(date +%s) - LOAD_STARTED )) s"
else
  echo "Reusing the $EVENTS events in $STORE"
  "${PSQL[@]}" -c 'vacuum analyze events'
fi
# The backend's EventArchiver (every minute, 10,000 rows a batch) archives past and cancelled events: wait until it
# is done, or a freshly loaded catalogue is measured while a million rows are being updated.
for _ in $(seq 1 600); do
  left=$("${PSQL[@]}" -tAc "select count(*) from events where not archived and (ends_at < now() - interval '1 day' or status = 'CANCELLED')")
  [ "$left" -eq 0 ] && break
  echo "Waiting for the archiver: $left past or cancelled events not archived yet"
  sleep 10
done
"${PSQL[@]}" -c 'vacuum analyze events'
echo "Catalogue ready"
echo "Events: $("${PSQL[@]}" -tAc 'select count(*) from events'), matching \"jazz\": $("${PSQL[@]}" -tAc "select count(*) from events where search_vector @@ websearch_to_tsquery('english', 'jazz')")"

FIRST_ID=$("${PSQL[@]}" -tAc 'select min(id) from events')
export FIRST_ID
BASE="http://127.0.0.1:$APP_PORT"
LIST="$BASE/api/events?q=jazz&page=1&size=20"
for url in "$LIST" "$BASE/api/events/$FIRST_ID"; do
  curl -sf -m 60 "$url" >/dev/null || { echo "GET $url failed:"; curl -s -m 60 "$url"; tail -30 "$WORK/app.log"; exit 1; }
done

# CPU time (ms) used so far by the backend JVM and by every PostgreSQL process of this run: divided by
# the requests served it gives a cost per request that does not depend on what else the (shared)
# machine is doing, and so a throughput ceiling for 2 dedicated cores.
CLK_TCK=$(getconf CLK_TCK)
ticks() { # pid...: utime + stime, plus cutime + cstime (the postmaster collects its exited backends' time)
  local total=0
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && total=$((total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat")))
  done
  echo $((total * 1000 / CLK_TCK))
}
app_cpu_ms() { ticks "$APP_PID"; }
pg_cpu_ms() {
  local postmaster
  postmaster=$(pgrep -f -- "-D $STORE/pg" | head -1)
  ticks $postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')
}

log() { echo "$@" | tee -a "$RESULTS"; }
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000} printf "%.2f", v}'; }
run_wrk() { # name url [script]
  local name=$1 url=$2 script=${3:-}
  local args=(-t2 -c"$CONNECTIONS" --latency --timeout 5s)
  [ -n "$script" ] && args+=(-s "$script")
  wrk "${args[@]}" -d"${WARMUP}s" "$url" >/dev/null
  local app_before pg_before app_after pg_after uptime_before
  uptime_before=$(uptime | sed 's/.*load average/load/')
  app_before=$(app_cpu_ms); pg_before=$(pg_cpu_ms)
  wrk "${args[@]}" -d"${DURATION}s" "$url" > "$WORK/$name.txt"
  app_after=$(app_cpu_ms); pg_after=$(pg_cpu_ms)
  local rps p50 p99 errors requests app pg
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$WORK/$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/$name.txt" | to_ms)
  p99=$(awk '$1=="99%" {print $2}' "$WORK/$name.txt" | to_ms)
  errors=$(awk '/Non-2xx/ {print $5} /Socket errors/ {print}' "$WORK/$name.txt" | tr '\n' ' ')
  requests=$(awk '/requests in/ {print $1}' "$WORK/$name.txt")
  if [ -z "$requests" ] || [ "$requests" -eq 0 ]; then
    log "$name: no request answered in ${DURATION}s (wrk said: $(tr '\n' ' ' < "$WORK/$name.txt"))"
    tail -20 "$WORK/app.log"
    return 1
  fi
  app=$(awk -v c=$((app_after - app_before)) -v n="$requests" 'BEGIN {printf "%.3f", c / n}')
  pg=$(awk -v c=$((pg_after - pg_before)) -v n="$requests" 'BEGIN {printf "%.3f", c / n}')
  log "$(printf '%-16s %7s req/s  p50 %7s ms  p99 %8s ms  CPU/req app %s ms + PostgreSQL %s ms (2-core ceiling %s req/s)%s  [%s]' \
    "$name" "$rps" "$p50" "$p99" "$app" "$pg" "$(awk -v a="$app" -v b="$pg" 'BEGIN {printf "%.0f", 2000 / (a + b)}')" \
    "${errors:+  errors: $errors}" "$uptime_before")"
  log "                 ${script:-GET ${url#$BASE}}"
  eval "RPS_${name//[^a-zA-Z]/_}=$rps"
}

: > "$RESULTS"
log "bench/api/run.sh $(date -u +%FT%TZ) EVENTS=$EVENTS LOAD=$LOAD UNCACHED=${UNCACHED:-0} CONNECTIONS=$CONNECTIONS LABEL=$LABEL"
log "jar: $JAR (built $(date -u -r "$JAR" +%FT%TZ)); uptime: $(uptime)"
log "events: $("${PSQL[@]}" -tAc 'select count(*) from events'), upcoming (scheduled, not ended): $("${PSQL[@]}" -tAc "select count(*) from events where ends_at > now() and status = 'SCHEDULED'"), matching \"jazz\": $("${PSQL[@]}" -tAc "select count(*) from events where search_vector @@ websearch_to_tsquery('english', 'jazz')")"
log "wrk: $CONNECTIONS connections, 2 threads, ${DURATION}s per case (after ${WARMUP}s warm-up), loopback"
run_wrk list_search "$LIST"
if [ -n "$UNCACHED" ]; then
  run_wrk list_no_search "$BASE/api/events?page=1&size=20"
  run_wrk list_search_mix "$BASE" bench/api/search.lua
  # Extra list cases, "name=/api/events?..." separated by spaces (e.g. the search over past events too).
  for extra in ${EXTRA_LISTS:-}; do
    run_wrk "${extra%%=*}" "$BASE${extra#*=}"
  done
fi
run_wrk detail "$BASE" bench/api/detail.lua
if [ -n "$UNCACHED" ]; then
  # The app's SQL for each case (plans.sql mirrors EventSearch), run the way the app runs it.
  log ""
  log "Query plans ($PLANS):"
  "${PSQL[@]}" -f "$PLANS" 2>&1 | tee -a "$RESULTS" > /dev/null
fi

# The ceiling: the list's own SQL straight against PostgreSQL, same concurrency.
pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j 2 -T 5 -f "$LIST_SQL" postgres >/dev/null 2>&1
PG_CPU_BEFORE=$(pg_cpu_ms)
PG_UPTIME=$(uptime | sed 's/.*load average/load/')
( cd "$WORK" && pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j 2 -T "$DURATION" \
    -f "$ROOT/$LIST_SQL" -l --log-prefix=pgb postgres > "$WORK/pgbench.txt" 2>&1 )
PG_CPU=$(( $(pg_cpu_ms) - PG_CPU_BEFORE ))
PG_TPS=$(awk -F'= ' '/^tps/ {printf "%.0f", $2}' "$WORK/pgbench.txt")
cat "$WORK"/pgb.* | awk '{print $3/1000}' | sort -n > "$WORK/pg_latencies"
PG_N=$(wc -l < "$WORK/pg_latencies")
PG_P50=$(awk -v n="$PG_N" 'NR==int(n*0.50)+1 {printf "%.2f", $1}' "$WORK/pg_latencies")
PG_P99=$(awk -v n="$PG_N" 'NR==int(n*0.99)+1 {printf "%.2f", $1}' "$WORK/pg_latencies")
PG_COST=$(awk -v c="$PG_CPU" -v n="$PG_N" 'BEGIN {printf "%.3f", c / n}')
log ""
log "$(printf '%-16s %7s tx/s   p50 %7s ms  p99 %8s ms  CPU/tx PostgreSQL %s ms (2-core ceiling %s tx/s)  [%s]' \
  "pgbench $(basename "$LIST_SQL")" "$PG_TPS" "$PG_P50" "$PG_P99" "$PG_COST" "$(awk -v c="$PG_COST" 'BEGIN {printf "%.0f", 2000 / c}')" "$PG_UPTIME")"
awk -v api="$RPS_list_search" -v pg="$PG_TPS" 'BEGIN {printf "API/pgbench ratio for the list: %.2f\n", api/pg}' | tee -a "$RESULTS"
log "uptime at the end (the machine is shared): $(uptime)"
echo "Results: $RESULTS"
