#!/bin/sh
# Logical backup of the Echain database: pg_dump in custom format (restorable table by table with pg_restore),
# written to BACKUP_DIR as echain-<UTC timestamp>.dump through a temporary name, so a half-written dump never
# looks complete. Run by the chart's backup CronJob and by scripts/restore-drill.sh.
#   ECHAIN_DB_URL       jdbc:postgresql://host:port/db[?sslmode=...] (the backend's setting; "jdbc:" is dropped)
#   ECHAIN_DB_USERNAME  database user
#   PGPASSWORD          its password
#   BACKUP_DIR          where dumps go
#   RETENTION_DAYS      delete dumps older than this many days (0: keep all)
#   PG_DUMP             pg_dump binary (default: pg_dump on PATH)
set -eu
: "${ECHAIN_DB_URL:?ECHAIN_DB_URL is not set}"
: "${BACKUP_DIR:?BACKUP_DIR is not set}"
url=${ECHAIN_DB_URL#jdbc:}
case "$url" in
  postgresql://*) ;;
  *) echo "backup: ECHAIN_DB_URL must look like jdbc:postgresql://host:port/db, got '$ECHAIN_DB_URL'" >&2; exit 2 ;;
esac
stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$BACKUP_DIR/echain-$stamp.dump"
"${PG_DUMP:-pg_dump}" --dbname="$url" ${ECHAIN_DB_USERNAME:+--username="$ECHAIN_DB_USERNAME"} \
  --format=custom --compress=6 --no-owner --no-privileges --file="$target.partial"
mv "$target.partial" "$target"
echo "backup: wrote $target ($(wc -c < "$target") bytes)"
if [ "${RETENTION_DAYS:-0}" -gt 0 ]; then
  find "$BACKUP_DIR" -maxdepth 1 -name 'echain-*.dump' -mtime +"$RETENTION_DAYS" -print -delete
fi
