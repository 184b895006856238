#!/usr/bin/env bash
# Backup and restore drill (docs/deployment/BACKUP_AND_RESTORE.md). On loopback, with real parts:
#   1. a PostgreSQL and a local Anvil (chain id 84532, contracts deployed by the deploy script) and the backend jar
#      with production settings; API_EVENTS events published through the API (put on chain by the outbox),
#      PURCHASES purchases sent to the chain from buyers' accounts, three buyers' reports, one cancelled event with
#      refunds claimed, and EVENTS events in total (the rest loaded with SQL); the indexer projects the chain;
#   2. a snapshot of what the API answers (events, details, sales, revenue, buyers' tickets and payments, metadata);
#   3. backup with the Helm chart's backup script (pg_dump custom format) while the backend runs;
#   4. restore with pg_restore into an empty PostgreSQL, the backend started on it: same table counts, same answers;
#   5. the chain projection emptied (scripts/sql/reset-chain-projection.sql) and rebuilt by the indexer from the
#      deployment block: the same answers again.
# Prints the timings (dump, restore, start on the restored database, re-index). Exit 1 on any difference.
#   scripts/restore-drill.sh                                 EVENTS=200 API_EVENTS=4 PURCHASES=200 (the test run)
#   EVENTS=10000 PURCHASES=10000 scripts/restore-drill.sh    (bench/restore/run.sh)
# RESULT_FILE=<path> also writes the timings as JSON. KEEP_WORK=1 keeps the scratch directory.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EVENTS=${EVENTS:-200}
API_EVENTS=${API_EVENTS:-4}
PURCHASES=${PURCHASES:-200}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/echain-restore-drill.XXXXXX")
source "$ROOT/scripts/lib/stack.sh"
# On failure, the backends' warnings and errors say what happened (the scratch directory goes with the exit).
backend_warnings() {
  local f
  for f in "$WORK"/live.log "$WORK"/restored.log "$WORK"/reindexed.log; do
    [ -f "$f" ] || continue
    grep -E '"level":"(WARN|ERROR)"' "$f" | grep -v SpringDoc | grep -oE '"@timestamp":"[^"]*"|"logger":"[^"]*"|"message":"[^"]*"' \
      | paste - - - | tail -20 | sed "s|^|$(basename "$f" .log): |" >&2 || true
  done
}
cleanup() {
  local rc=$?
  [ "$rc" -eq 0 ] || backend_warnings
  stack_cleanup
  if [ -z "${KEEP_WORK:-}" ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT
trap "exit 130" INT
trap "exit 143" TERM
DRILL="node $ROOT/scripts/lib/drill.mjs"
[ "$EVENTS" -ge "$API_EVENTS" ] || die "EVENTS must be at least API_EVENTS"

stack_java
stack_pg_bin
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') servers, pg_dump $(pg_dump --version | awk '{print $3}'); backend $BACKEND_JAR"
anvil_start
pg_start source
log "Anvil $RPC (chain 84532), contracts $(json_field "$DEPLOYMENT" ticketNft) / $(json_field "$DEPLOYMENT" paymentProcessor); PostgreSQL source on $PORT_SOURCE"

backend_start live "$PORT_SOURCE"
backend_wait live
API="http://127.0.0.1:$APP_PORT_LIVE"
log "1. Seeding: $API_EVENTS events through the API, $PURCHASES purchases on chain, $((EVENTS - API_EVENTS)) events by SQL"
$DRILL seed "$API" "$RPC" "$DEPLOYMENT" "$API_EVENTS" "$PURCHASES" "$WORK/seed.json"
[ "$EVENTS" -gt "$API_EVENTS" ] && psql_at "$PORT_SOURCE" -v events=$((EVENTS - API_EVENTS)) -f "$ROOT/bench/api/load.sql" >/dev/null
TABLES="users events chain_commands tickets ticket_transfers payments event_revenue indexer_logs indexer_blocks flyway_schema_history"
counts() { local port=$1 t; for t in $TABLES; do printf '%s=%s ' "$t" "$(psql_at "$port" -tAc "select count(*) from $t")"; done; }
SOURCE_COUNTS=$(counts "$PORT_SOURCE")
log "   rows: $SOURCE_COUNTS"
log "2. Snapshot of the API"
$DRILL snapshot "$API" "$WORK/seed.json" "$WORK/before.json"

log "3. Backup (the chart's files/backup.sh) while the backend runs"
mkdir -p "$WORK/backups"
t0=$(now_ms)
ECHAIN_DB_URL=$(pg_url "$PORT_SOURCE") ECHAIN_DB_USERNAME=postgres PGPASSWORD=postgres BACKUP_DIR="$WORK/backups" \
  RETENTION_DAYS=14 sh "$ROOT/deploy/helm/echain/files/backup.sh"
DUMP_MS=$(( $(now_ms) - t0 ))
DUMP=$(ls -1 "$WORK"/backups/echain-*.dump | tail -1)
DUMP_BYTES=$(wc -c < "$DUMP")
backend_stop live

log "4. Restore into an empty PostgreSQL"
pg_start restored
t0=$(now_ms)
pg_restore --no-owner --no-privileges --exit-on-error --jobs=2 -h 127.0.0.1 -p "$PORT_RESTORED" -U postgres \
  -d echain "$DUMP"
RESTORE_MS=$(( $(now_ms) - t0 ))
RESTORED_COUNTS=$(counts "$PORT_RESTORED")
[ "$RESTORED_COUNTS" = "$SOURCE_COUNTS" ] || die "row counts differ after restore:
  source:   $SOURCE_COUNTS
  restored: $RESTORED_COUNTS"
log "   same row counts in all $(echo "$TABLES" | wc -w) tables"
t0=$(now_ms)
backend_start restored "$PORT_RESTORED"
backend_wait restored
START_MS=$(( $(now_ms) - t0 ))
$DRILL snapshot "http://127.0.0.1:$APP_PORT_RESTORED" "$WORK/seed.json" "$WORK/restored.json"
$DRILL compare "$WORK/before.json" "$WORK/restored.json" restore
backend_stop restored

log "5. Re-index: the chain projection emptied and rebuilt from block $(json_field "$DEPLOYMENT" deploymentBlock)"
psql_at "$PORT_RESTORED" -f "$ROOT/scripts/sql/reset-chain-projection.sql" >/dev/null
[ "$(psql_at "$PORT_RESTORED" -tAc 'select count(*) from tickets')" = 0 ] || die "the projection is not empty"
HEAD=$("$CAST" block-number --rpc-url "$RPC")
t0=$(now_ms)
backend_start reindexed "$PORT_RESTORED" LOGGING_LEVEL_IO_ECHAIN_CHAIN_INDEXER=debug
until [ "$(psql_at "$PORT_RESTORED" -tAc 'select coalesce(max(block_number), -1) from indexer_cursor' 2>/dev/null || echo -1)" -ge $((HEAD - 2)) ]; do
  kill -0 "$PID_REINDEXED" 2>/dev/null || { tail -40 "$WORK/reindexed.log" >&2; die "backend reindexed exited"; }
  [ $(( $(now_ms) - t0 )) -lt 1200000 ] || die "re-index did not finish in 20 min"
  sleep 0.2
done
REINDEX_MS=$(( $(now_ms) - t0 ))
# The indexer's own time: its ranges' transactions (logged at debug level), without the JVM start.
INDEXER_MS=$(grep -oE 'Applied .* in [0-9]+ ms' "$WORK/reindexed.log" | grep -oE '[0-9]+ ms$' | awk '{s+=$1} END {print s+0}')
backend_wait reindexed
$DRILL indexed "http://127.0.0.1:$APP_PORT_REINDEXED" "$WORK/seed.json" || die "tickets missing after the re-index"
$DRILL snapshot "http://127.0.0.1:$APP_PORT_REINDEXED" "$WORK/seed.json" "$WORK/reindexed.json"
$DRILL compare "$WORK/before.json" "$WORK/reindexed.json" reindex
REINDEXED_COUNTS=$(counts "$PORT_RESTORED")
log "   rows after re-index: $REINDEXED_COUNTS"

BLOCKS=$((HEAD - $(json_field "$DEPLOYMENT" deploymentBlock)))
cat <<REPORT

restore drill: ok ($EVENTS events, $PURCHASES purchases, $BLOCKS blocks)
  dump (pg_dump -Fc, backend running):       $DUMP_MS ms, $DUMP_BYTES bytes
  restore (pg_restore --jobs=2, empty db):   $RESTORE_MS ms
  backend start on the restored database:    $START_MS ms (to readiness)
  re-index from the deployment block:        $REINDEX_MS ms from the backend's start to the projection at the head,
                                             of which the indexer's ranges took $INDEXER_MS ms
REPORT
if [ -n "${RESULT_FILE:-}" ]; then
  printf '{"events":%s,"purchases":%s,"blocks":%s,"dumpMs":%s,"dumpBytes":%s,"restoreMs":%s,"startMs":%s,"reindexMs":%s,"indexerMs":%s}\n' \
    "$EVENTS" "$PURCHASES" "$BLOCKS" "$DUMP_MS" "$DUMP_BYTES" "$RESTORE_MS" "$START_MS" "$REINDEX_MS" "$INDEXER_MS" > "$RESULT_FILE"
fi
