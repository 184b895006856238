#!/usr/bin/env bash
# Runs Echain locally: builds the contracts, the web app and the backend (tests skipped) and starts it
# with the dev profile on embedded PostgreSQL and a local Anvil with the contracts deployed. Data lives
# in .data/postgres and the chain in .data/anvil; both survive restarts.
#
#   ./run.sh            build and start on http://localhost:8080 (PORT=9090 ./run.sh for another port)
#   ./run.sh --clean    delete .data/postgres and .data/anvil first: empty database, fresh chain
#   SKIP_BUILD=1 ./run.sh   start the last build without rebuilding
set -euo pipefail
cd "$(dirname "$0")"

if [ "${1:-}" = "--clean" ]; then
  echo "Deleting .data/postgres (local database) and .data/anvil (local chain)"
  rm -rf .data/postgres .data/anvil
fi

# Java 21+ is required; the machine's default java may be older.
. scripts/jdk.sh

JAR=backend/target/echain-backend-0.1.0-SNAPSHOT.jar
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
  echo "Building the contracts, the web app and the backend (tests skipped)..."
  mvn -B -ntp -q package -DskipTests
fi

export PORT="${PORT:-8080}"
echo "Starting Echain: the app at http://localhost:${PORT}/ (API under /api, Swagger UI at /swagger-ui.html)"
exec java ${JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=dev --server.port="${PORT}"
