#!/usr/bin/env bash
# Indexer benchmark (not a test; loopback only, stops by itself). Starts a fresh Anvil, deploys the
# contracts, registers one event and mines PURCHASES (default 10,000) purchases in blocks of 500 with
# automine off, then starts the backend (fresh embedded PostgreSQL) against it and measures
#   1. backfill: purchases indexed per second, from the indexer's own range timings and end to end
#      (target >= 2,000/s);
#   2. steady state: Anvil mines a block every second while STEADY_RATE purchases/s arrive for
#      STEADY_SECONDS; the lag (head - last indexed block) is sampled every 250 ms (target <= N + 1 = 4).
#
#   bench/indexer/run.sh            PURCHASES=10000 STEADY_SECONDS=30 STEADY_RATE=20 SKIP_BUILD=1 bench/indexer/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PURCHASES=${PURCHASES:-10000}
STEADY_SECONDS=${STEADY_SECONDS:-30}
STEADY_RATE=${STEADY_RATE:-20}
CONFIRMATIONS=3

. scripts/jdk.sh

JAR=backend/target/echain-backend-0.1.0-SNAPSHOT.jar
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
  echo "Building contracts and backend (tests skipped)..."
  mvn -B -ntp -q package -DskipTests
fi
# forge, anvil and cast with their real exit status (contracts/scripts/foundry.sh; the npm launchers lose it).
BIN="$ROOT/contracts/bin"
"$BIN/anvil" --version >/dev/null 2>&1 || bash contracts/scripts/install.sh

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
WORK=$(mktemp -d /tmp/echain-indexer-bench.XXXXXX)
RPC_PORT=$(free_port)
APP_PORT=$(free_port)
RPC="http://127.0.0.1:$RPC_PORT"
DEPLOYMENT="deployments/bench-$RPC_PORT.json"
ANVIL_PID=""
APP_PID=""
cleanup() {
  for pid in "$APP_PID" "$ANVIL_PID"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  rm -f "contracts/$DEPLOYMENT"
  if [ -z "${KEEP_WORK:-}" ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT
rpc() { curl -sf -H 'content-type: application/json' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}" "$RPC"; }
head_block() { rpc eth_blockNumber '[]' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(parseInt(JSON.parse(s).result,16)))'; }
metric() { curl -sf "http://127.0.0.1:$APP_PORT/actuator/prometheus" | awk -v m="$1" '$1==m {print int($2)}'; }

echo "Anvil on $RPC (gas limit 1e9 per block, automine)"
timeout 1800 "$BIN/anvil" --host 127.0.0.1 --port "$RPC_PORT" --gas-limit 1000000000 --silent > "$WORK/anvil.log" 2>&1 &
ANVIL_PID=$!
for _ in $(seq 1 50); do rpc eth_chainId '[]' >/dev/null 2>&1 && break; sleep 0.2; done

KEY0=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
(cd contracts && DEPLOYMENT_OUT="$DEPLOYMENT" PRIVATE_KEY=$KEY0 "$BIN/forge" script script/Deploy.s.sol \
  --rpc-url "$RPC" --broadcast > "$WORK/deploy.log" 2>&1) || { tail -20 "$WORK/deploy.log"; exit 1; }
json() { node -e "console.log(require('$ROOT/contracts/$DEPLOYMENT')['$1'])"; }
export PURCHASE_SELECTOR=$("$BIN/cast" sig "purchaseTickets(uint256,uint256)")
export REGISTER_SELECTOR=$("$BIN/cast" sig "registerEvent(uint256,address,uint96,uint32,uint40,uint40,uint40,bool)")

echo "Generating $PURCHASES purchases..."
node bench/indexer/load.mjs backfill "$RPC" "contracts/$DEPLOYMENT" "$PURCHASES" | tee "$WORK/load.json"
HEAD=$(head_block)

echo "Starting the backend on 127.0.0.1:$APP_PORT, indexing from block $(json deploymentBlock) to $HEAD"
START_MS=$(date +%s%3N)
ECHAIN_LOCAL_ANVIL=false ECHAIN_ADMIN_ADDRESSES=0x0000000000000000000000000000000000000001 \
java ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} -jar "$JAR" --spring.profiles.active=dev \
  --echain.chain.local-anvil.enabled=false --echain.chain.rpc-url="$RPC" --echain.chain.chain-id=31337 \
  --echain.chain.ticket-nft="$(json ticketNft)" --echain.chain.payment-processor="$(json paymentProcessor)" \
  --echain.chain.deployment-block="$(json deploymentBlock)" --echain.chain.operator-key=$KEY0 \
  --echain.chain.confirmations=$CONFIRMATIONS \
  --server.address=127.0.0.1 --server.port="$APP_PORT" --echain.embedded-postgres.data-dir="$WORK/pg" \
  --echain.chain.indexer.poll-interval=200ms --echain.chain.indexer.range-size=${RANGE_SIZE:-2000} --echain.chain.outbox.enabled=false \
  --logging.level.root=warn --logging.level.io.echain.chain.indexer=debug > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 3000); do
  INDEXED=$(metric echain_indexer_block 2>/dev/null || true)
  if [ -n "$INDEXED" ] && [ "$INDEXED" -ge "$HEAD" ]; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
  sleep 0.1
done
END_MS=$(date +%s%3N)
[ "${INDEXED:-0}" -ge "$HEAD" ] || { echo "the indexer did not catch up"; tail -30 "$WORK/app.log"; exit 1; }
sleep 1.5
SOLD=$(metric echain_tickets_sold)
grep -E "Applied blocks" "$WORK/app.log" | sed 's/.*ChainIndexer *: //' > "$WORK/ranges.txt" || true
RANGE_MS=$(awk '{for(i=1;i<=NF;i++) if($i=="ms") s+=$(i-1)} END {print s+0}' "$WORK/ranges.txt")
echo "Indexer ranges:"; sed 's/^/  /' "$WORK/ranges.txt"

echo "Steady state: a block per second, $STEADY_RATE purchases/s for ${STEADY_SECONDS}s"
rpc evm_setAutomine '[false]' >/dev/null
rpc evm_setIntervalMining '[1]' >/dev/null
node bench/indexer/load.mjs steady "$RPC" "contracts/$DEPLOYMENT" "$STEADY_SECONDS" "$STEADY_RATE" > "$WORK/steady.json" &
LOAD_PID=$!
: > "$WORK/lag.txt"
while kill -0 "$LOAD_PID" 2>/dev/null; do
  H=$(head_block); I=$(metric echain_indexer_block)
  echo $((H - I)) >> "$WORK/lag.txt"
  sleep 0.25
done
wait "$LOAD_PID"

node - "$WORK" "$PURCHASES" "$SOLD" "$RANGE_MS" $((END_MS - START_MS)) "$CONFIRMATIONS" <<'JS'
const fs = require('fs');
const [work, purchases, sold, rangeMs, endToEndMs, n] = process.argv.slice(2);
const lags = fs.readFileSync(`${work}/lag.txt`, 'utf8').trim().split('\n').map(Number).sort((a, b) => a - b);
const q = p => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))];
const steady = JSON.parse(fs.readFileSync(`${work}/steady.json`, 'utf8'));
console.log('');
console.log(`backfill: ${purchases} purchases (${sold} tickets indexed)`);
console.log(`  indexer ranges: ${rangeMs} ms -> ${Math.round(purchases / (rangeMs / 1000))} purchases/s (target >= 2000)`);
console.log(`  end to end (JVM start, migrations, startup checks, indexing): ${endToEndMs} ms -> ${Math.round(purchases / (endToEndMs / 1000))} purchases/s`);
console.log(`steady state: ${steady.purchases} purchases, 1 s blocks, ${lags.length} samples`);
console.log(`  lag behind head (blocks): median ${q(0.5)}, p95 ${q(0.95)}, max ${lags[lags.length - 1]} (target <= ${Number(n) + 1})`);
JS
