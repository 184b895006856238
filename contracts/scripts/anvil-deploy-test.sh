#!/usr/bin/env bash
# Deploys with script/Deploy.s.sol to a fresh local Anvil, the way a real deployment runs
# (`forge script --broadcast --private-key ...`), and checks the JSON it writes: both addresses hold code and are
# wired together. Part of `npm test`; bounded by timeouts, Anvil is killed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
# forge, cast and anvil with their real exit status (scripts/foundry.sh execs the binary, so the signal timeout
# forwards on kill reaches Anvil itself).
export PATH="$PWD/bin:$PATH"
# Anvil's first well-known development key (public).
KEY=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
RPC="http://127.0.0.1:$PORT"
OUT="deployments/anvil-test-$PORT.json"
LOG=$(mktemp)
ANVIL_PID=""
cleanup() {
  if [ -n "$ANVIL_PID" ]; then kill "$ANVIL_PID" 2>/dev/null || true; wait "$ANVIL_PID" 2>/dev/null || true; fi
  rm -f "$OUT" "$LOG"
}
trap cleanup EXIT INT TERM

timeout 300 anvil --port "$PORT" --silent >/dev/null 2>&1 &
ANVIL_PID=$!
for _ in $(seq 1 100); do cast chain-id --rpc-url "$RPC" >/dev/null 2>&1 && break; sleep 0.1; done

OPERATOR=0x70997970C51812dc3A010C7d01b50e0d17dc79C8 TREASURY=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC \
  BASE_URI="http://localhost:8080/api/tickets/" DEPLOYMENT_OUT="$OUT" \
  timeout 300 forge script script/Deploy.s.sol --rpc-url "$RPC" --broadcast --private-key "$KEY" >"$LOG" 2>&1 \
  || { cat "$LOG" >&2; exit 1; }

field() { node -e 'const d=require(require("path").resolve(process.argv[1]));console.log(d[process.argv[2]])' "$OUT" "$1"; }
NFT=$(field ticketNft)
PROCESSOR=$(field paymentProcessor)
fail() { echo "anvil deploy test: $*" >&2; exit 1; }
[ "$(field chainId)" = "31337" ] || fail "chainId"
[ "$(cast code --rpc-url "$RPC" "$NFT")" != "0x" ] || fail "no code at ticketNft $NFT"
[ "$(cast code --rpc-url "$RPC" "$PROCESSOR")" != "0x" ] || fail "no code at paymentProcessor $PROCESSOR"
[ "$(cast call --rpc-url "$RPC" "$NFT" 'minter()(address)')" = "$PROCESSOR" ] || fail "minter"
[ "$(cast call --rpc-url "$RPC" "$NFT" 'isOperator(address)(bool)' 0x70997970C51812dc3A010C7d01b50e0d17dc79C8)" = "true" ] \
  || fail "operator"
[ "$(cast call --rpc-url "$RPC" "$PROCESSOR" 'treasury()(address)')" = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" ] \
  || fail "treasury"
echo "anvil deploy test: ok (ticketNft $NFT, paymentProcessor $PROCESSOR, deploymentBlock $(field deploymentBlock))"
