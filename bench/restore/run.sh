#!/usr/bin/env bash
# Restore drill benchmark (not a test; loopback only, stops by itself): scripts/restore-drill.sh with 10,000 events
# and 10,000 purchases (EVENTS, PURCHASES, API_EVENTS to change), reporting the time to dump, to restore and to
# re-index the chain projection from the deployment block. Builds the jar first unless SKIP_BUILD=1.
#   bench/restore/run.sh            SKIP_BUILD=1 EVENTS=10000 PURCHASES=10000 bench/restore/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export EVENTS=${EVENTS:-10000} PURCHASES=${PURCHASES:-10000} API_EVENTS=${API_EVENTS:-8}
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f backend/target/echain-backend-0.1.0-SNAPSHOT.jar ]; then
  echo "Building the contracts and the backend (tests skipped)..."
  mvn -B -ntp -q package -DskipTests -Djib.skip
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
RESULT_FILE=${RESULT_FILE:-$(mktemp /tmp/echain-restore-bench.XXXXXX.json)} bash scripts/restore-drill.sh
