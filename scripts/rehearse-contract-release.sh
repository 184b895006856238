#!/usr/bin/env bash
# Rehearses a contract release offline, on a fresh local Anvil with Base Sepolia's chain id (84532):
#   1. dry run: `forge script script/Deploy.s.sol` without --broadcast prints the transactions a real run would send
#      (with SAFE_OWNER set, the ownership handover too) and sends none;
#   2. the same script with --broadcast, as deploy.yml runs it (without --verify: no explorer here);
#   3. verification: the standard-JSON input --verify submits, compiled with the pinned solc, must give exactly the
#      runtime code on chain (CBOR metadata trailer included, immutables masked) and the creation code of the
#      deployment transactions (deploy/scripts/verify-rehearsal.cjs).
# Loopback only; everything it starts stops at exit. OUT (default: a temp dir) keeps the dry run's transactions and
# the standard-JSON inputs.   scripts/rehearse-contract-release.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
C="$ROOT/contracts"
BIN="$C/node_modules/@foundry-rs"
[ -x "$BIN/forge-linux-amd64/bin/forge" ] || bash "$C/scripts/install.sh"
FORGE="$BIN/forge-linux-amd64/bin/forge"; CAST="$BIN/cast-linux-amd64/bin/cast"; ANVIL="$BIN/anvil-linux-amd64/bin/anvil"
[ -f "$C/out/PaymentProcessor.sol/PaymentProcessor.json" ] || (cd "$C" && "$FORGE" build >/dev/null)
OUT=${OUT:-$(mktemp -d /tmp/echain-contract-rehearsal.XXXXXX)}
mkdir -p "$OUT"
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
RPC="http://127.0.0.1:$PORT"
# Anvil development key 9 deploys (public key, local only); the roles go to other development accounts.
KEY=0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6
DEPLOYER=$("$CAST" wallet address --private-key "$KEY")
export TREASURY=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC OPERATOR=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
export SAFE_OWNER=0x90F79bf6EB2c4f870365E785982E1f101E93b906 BASE_URI=https://sepolia.echain.example/api/tickets/
ANVIL_PID=""
cleanup() { [ -z "$ANVIL_PID" ] || { kill "$ANVIL_PID" 2>/dev/null; wait "$ANVIL_PID" 2>/dev/null || true; }; }
trap cleanup EXIT
trap "exit 130" INT
trap "exit 143" TERM
timeout 600 "$ANVIL" --host 127.0.0.1 --port "$PORT" --chain-id 84532 --silent >/dev/null 2>&1 &
ANVIL_PID=$!
for _ in $(seq 1 100); do "$CAST" chain-id --rpc-url "$RPC" >/dev/null 2>&1 && break; sleep 0.1; done
[ "$("$CAST" chain-id --rpc-url "$RPC")" = 84532 ] || { echo "rehearsal: Anvil did not start" >&2; exit 1; }

echo "1. Dry run on chain 84532 (deployer $DEPLOYER, Safe $SAFE_OWNER)"
(cd "$C" && DEPLOYMENT_OUT="$OUT/dry-run-deployment.json" timeout 300 "$FORGE" script script/Deploy.s.sol \
  --rpc-url "$RPC" --private-key "$KEY" > "$OUT/dry-run.log" 2>&1) || { cat "$OUT/dry-run.log" >&2; exit 1; }
cp "$C/broadcast/Deploy.s.sol/84532/dry-run/run-latest.json" "$OUT/dry-run-transactions.json"
node - "$OUT/dry-run-transactions.json" <<'JS'
const run = require(process.argv[2]);
run.transactions.forEach((t, i) => {
  const what = t.transactionType === 'CREATE' ? `CREATE ${t.contractName} at ${t.contractAddress}`
    : `CALL ${t.contractName ?? t.transaction.to}.${t.function}(${(t.arguments ?? []).join(', ')})`;
  console.log(`   tx ${i + 1}: ${what}, gas limit ${parseInt(t.transaction.gas, 16)}`);
});
JS
nonce=$("$CAST" nonce --rpc-url "$RPC" "$DEPLOYER")
[ "$nonce" = 0 ] || { echo "rehearsal: the dry run sent transactions (deployer nonce $nonce)" >&2; exit 1; }
echo "   sent: none (deployer nonce still 0)"

echo "2. Broadcast"
(cd "$C" && DEPLOYMENT_OUT="$OUT/deployment.json" timeout 300 "$FORGE" script script/Deploy.s.sol \
  --rpc-url "$RPC" --private-key "$KEY" --broadcast > "$OUT/broadcast.log" 2>&1) || { cat "$OUT/broadcast.log" >&2; exit 1; }
field() { node -e 'console.log(require(process.argv[1])[process.argv[2]])' "$OUT/deployment.json" "$1"; }
echo "   EventTicketNFT $(field ticketNft), PaymentProcessor $(field paymentProcessor), from block $(field deploymentBlock), $("$CAST" nonce --rpc-url "$RPC" "$DEPLOYER") transactions"

echo "3. Verification"
node "$ROOT/deploy/scripts/verify-rehearsal.cjs" "$RPC" "$OUT" "EventTicketNFT=$(field ticketNft)" \
  "PaymentProcessor=$(field paymentProcessor)" | sed 's/^/   /'
echo "rehearsal: ok (dry run, broadcast and verification inputs in $OUT)"
