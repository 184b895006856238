#!/usr/bin/env bash
# Cluster benchmark (not a test): one PostgreSQL, one Redis, one Anvil (1-second blocks) and backend processes
# with production settings behind a local HAProxy (round robin). Runs the mixed load of mixed.lua (lists, details,
# quotes, sign-ins, event updates) through one instance and through two, probes how long a write on one instance
# stays invisible on the other (under load), then kills the leader with SIGKILL FAILOVERS times and measures the
# takeover and checks the outbox's nonces and the indexer's purchases. Everything it starts stops at the end;
# nothing listens beyond 127.0.0.1.
#
#   bench/cluster/run.sh              SKIP_BUILD=1 DURATION=60 CONNECTIONS=64 EVENTS=2000 FAILOVERS=3 bench/cluster/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

. scripts/jdk.sh
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }

# HAProxy from Debian's package, unpacked (not installed, so no service starts) with the two libraries it needs.
HAPROXY_DIR="${ECHAIN_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/echain-tools}/haproxy"
if command -v haproxy >/dev/null; then
  HAPROXY=$(command -v haproxy)
else
  if [ ! -x "$HAPROXY_DIR/usr/sbin/haproxy" ]; then
    fetch=$(mktemp -d)
    ( cd "$fetch" && { apt-get download haproxy liblua5.3-0 libopentracing-c-wrapper0 libopentracing1 >/dev/null 2>&1 \
        || { apt-get update >/dev/null && apt-get download haproxy liblua5.3-0 libopentracing-c-wrapper0 libopentracing1 >/dev/null; }; } )
    mkdir -p "$HAPROXY_DIR"
    for deb in "$fetch"/*.deb; do dpkg-deb -x "$deb" "$HAPROXY_DIR"; done
    rm -rf "$fetch"
  fi
  cat > "$HAPROXY_DIR/haproxy" <<WRAP
#!/bin/sh
LD_LIBRARY_PATH="$HAPROXY_DIR/usr/lib/x86_64-linux-gnu" exec "$HAPROXY_DIR/usr/sbin/haproxy" "\$@"
WRAP
  chmod +x "$HAPROXY_DIR/haproxy"
  HAPROXY="$HAPROXY_DIR/haproxy"
fi
"$HAPROXY" -v | sed -n 1p

if [ -z "${SKIP_BUILD:-}" ] || [ ! -d backend/target/test-classes ]; then
  echo "Building the contracts and the backend with its test classes (tests skipped)..."
  mvn -B -ntp -q install -DskipTests
  mvn -B -ntp -q -pl backend test-compile
fi
WORK=$(mktemp -d /tmp/echain-cluster.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mvn -B -ntp -q -pl backend dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="backend/target/test-classes:backend/target/classes:$(cat "$WORK/cp.txt")"

echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
ROOT="$ROOT" HAPROXY="$HAPROXY" java -Xmx512m -Djava.io.tmpdir="$WORK" -cp "$CP" bench/cluster/ClusterBench.java
