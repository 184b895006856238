#!/usr/bin/env bash
# Zero-downtime release rehearsal (docs/deployment/ROLLBACK_PROCEDURES.md). Loopback only; stops by itself.
# Two backend processes of release N serve behind a round-robin proxy (traffic.mjs, like a Kubernetes Service)
# under a steady open-loop load (RATE requests/s: event lists and details, /health, event publications). Release
# N+1 — the same build plus one expand-only Flyway migration (a new nullable column) — replaces N one process at a
# time, as the chart's rolling update does (maxSurge 1, maxUnavailable 0): start the new process, wait for its
# readiness, put it in the proxy's pool and take the old one out, wait the pre-stop pause, SIGTERM the old one
# (graceful shutdown). Then release N is rolled back the same way onto schema N+1 (ROLLBACK=1 process, or 2).
# Reports requests, failures and latency percentiles per phase; exits 1 on any failed request.
#   bench/release/run.sh               RATE=30 STEADY=20 ROLLBACK=2 (defaults; keep RATE below what the machine
#                                      serves with a cold JVM starting beside the others: a saturated backend
#                                      times out requests whatever the release does)
#   RATE=40 STEADY=3 ROLLBACK=1 bench/release/run.sh     (the test run's shorter version)
#   RELEASE_N_JAR=/path/to/previous-release.jar bench/release/run.sh
#       a real pair: the previous release's jar is N, the current build (with its own new migrations) is N+1.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RATE=${RATE:-30}
STEADY=${STEADY:-20}
WARMUP=${WARMUP:-30}
ROLLBACK=${ROLLBACK:-2}
PRESTOP=${PRESTOP:-2}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/echain-release.XXXXXX")
source "$ROOT/scripts/lib/stack.sh"
TRAFFIC_PID=""
cleanup() {
  [ -z "$TRAFFIC_PID" ] || kill "$TRAFFIC_PID" 2>/dev/null || true
  stack_cleanup
  if [ -z "${KEEP_WORK:-}" ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT
trap "exit 130" INT
trap "exit 143" TERM
stack_java
stack_pg_bin
anvil_start
pg_start db
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); rate $RATE/s, warm-up ${WARMUP}s, steady phases ${STEADY}s, pre-stop ${PRESTOP}s"

last_migration() { unzip -Z1 "$1" 'BOOT-INF/classes/db/migration/*.sql' | sed -E 's#.*/V([0-9]+)__.*#\1#' | sort -n | tail -1; }
N_JAR=${RELEASE_N_JAR:-$BACKEND_JAR}
[ -f "$N_JAR" ] || die "no jar at RELEASE_N_JAR=$N_JAR"
if [ -z "${RELEASE_N_JAR:-}" ]; then
  # Release N+1 = this build plus one migration after the jar's own, expand-only.
  NEXT=$(( $(last_migration "$BACKEND_JAR") + 1 ))
  mkdir -p "$WORK/release-n1"
  cat > "$WORK/release-n1/V${NEXT}__release_rehearsal_expand.sql" <<SQL
-- Expand only: a nullable column release N does not know; N keeps reading and writing events.
alter table events add column release_note varchar(200);
SQL
  N1_ENV=(SPRING_FLYWAY_LOCATIONS="classpath:db/migration,filesystem:$WORK/release-n1")
else
  NEXT=$(last_migration "$BACKEND_JAR")
  N1_ENV=()
  log "release N: $N_JAR (migrations up to V$(last_migration "$N_JAR")); N+1: $BACKEND_JAR (up to V$NEXT)"
fi

# Production defaults for the read caches and the JIT (the drill turns both down for its own reasons).
export STACK_JAVA_OPTS=${STACK_JAVA_OPTS:--Xms256m -Xmx512m}
CACHES=(ECHAIN_EVENTS_DETAIL_CACHE_TTL=10s ECHAIN_EVENTS_LIST_CACHE_TTL=1s)
N1_ENV+=("${CACHES[@]}")
BACKEND_JAR=$N_JAR backend_start n_a "$PORT_DB" "${CACHES[@]}"
backend_wait n_a
BACKEND_JAR=$N_JAR backend_start n_b "$PORT_DB" "${CACHES[@]}"
backend_wait n_b
API="http://127.0.0.1:$APP_PORT_N_A"
TOKEN=$(node "$ROOT/scripts/lib/drill.mjs" token "$API" 0)
for i in 1 2 3 4 5; do
  curl -sf -X POST "$API/api/events" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Rehearsal $i\",\"location\":\"Porto\",\"startsAt\":\"2031-01-0${i}T20:00:00Z\",\"endsAt\":\"2031-01-0${i}T23:00:00Z\",\"priceWei\":\"1000\",\"capacity\":50}" >/dev/null
done

PROXY_PORT=$(free_port); ADMIN_PORT=$(free_port)
node "$ROOT/bench/release/traffic.mjs" "$PROXY_PORT" "$ADMIN_PORT" "$RATE" "$TOKEN" "$WORK/result.json" > "$WORK/traffic.log" 2>&1 &
TRAFFIC_PID=$!
for _ in $(seq 1 50); do curl -sf -X POST "http://127.0.0.1:$ADMIN_PORT/phase?name=warm-up" >/dev/null 2>&1 && break; sleep 0.1; done
# Phases: warm-up (WARMUP s at the full rate: release N's processes are warm when a release starts, as in
# production; reported, not judged), steady (release N), release (N -> N+1, one process at a time; the new processes
# take their share of traffic cold, as the chart's pods do), steady-after-release, rollback (N+1 -> N on schema N+1),
# steady-after-rollback.
pool() { curl -sf -X POST "http://127.0.0.1:$ADMIN_PORT/backends" -d "$1" >/dev/null; }
phase() { curl -sf -X POST "http://127.0.0.1:$ADMIN_PORT/phase?name=$1" >/dev/null; log "phase: $1"; }
addr() { local p="APP_PORT_${1^^}"; echo "\"127.0.0.1:${!p}\""; }
pool "[$(addr n_a),$(addr n_b)]"
sleep "$WARMUP"
phase "steady"
sleep "$STEADY"

# replace JAR OLD NEW OTHER [env...]: rolling step; OTHER keeps serving.
replace() {
  local jar=$1 old=$2 new=$3 other=$4; shift 4
  BACKEND_JAR=$jar backend_start "$new" "$PORT_DB" "$@"
  backend_wait "$new"
  pool "[$(addr "$other"),$(addr "$new")]"
  sleep "$PRESTOP"
  backend_stop "$old"
}
phase "release"
replace "$BACKEND_JAR" n_a m_a n_b "${N1_ENV[@]}"
replace "$BACKEND_JAR" n_b m_b m_a "${N1_ENV[@]}"
APPLIED=$(psql_at "$PORT_DB" -tAc "select count(*) from flyway_schema_history where version = '$NEXT' and success")
[ "$APPLIED" = 1 ] || die "release N+1's migration V$NEXT was not applied exactly once"
log "schema is at V$NEXT (applied once, by the first N+1 process, under Flyway's lock)"
phase "steady-after-release"
sleep "$STEADY"

phase "rollback"
replace "$N_JAR" m_a r_a m_b "${CACHES[@]}"
[ "$ROLLBACK" -lt 2 ] || replace "$N_JAR" m_b r_b r_a "${CACHES[@]}"
phase "steady-after-rollback"
sleep "$STEADY"
curl -sf -X POST "http://127.0.0.1:$ADMIN_PORT/stop" >/dev/null
wait "$TRAFFIC_PID" || true
TRAFFIC_PID=""

[ -z "${RESULT_FILE:-}" ] || cp "$WORK/result.json" "$RESULT_FILE"
node - "$WORK/result.json" "$NEXT" <<'JS'
const r = require(process.argv[2]);
const row = (name, s) => `  ${name.padEnd(24)} ${String(s.requests).padStart(6)} requests, ${String(s.failed).padStart(3)} failed, p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms`;
console.log(`\nrelease rehearsal (${r.rate} requests/s, release N+1 migrates to V${process.argv[3]}):`);
for (const [name, s] of Object.entries(r.phases)) console.log(row(name === 'warm-up' ? 'warm-up (not judged)' : name, s));
console.log(row('after the warm-up', r.measured));
console.log(`  requests per backend process: ${JSON.stringify(r.served)}`);
for (const f of r.measured.failures) console.log(`  failure: ${f}`);
if (r.measured.failed) { console.log('release rehearsal: FAILED requests'); process.exit(1); }
console.log('release rehearsal: ok (0 failed requests; release N ran on schema N+1 after the rollback)');
JS
