#!/usr/bin/env bash
# Gas benchmark of the Echain contracts on a fresh local Anvil.
#
# Deploys with contracts/script/Deploy.s.sol, registers an event, runs each case as a real transaction with
# `cast send`, and prints one line per case: `<case> <gas>`, the total transaction gas from the receipt (21,000
# intrinsic gas and calldata included). Needs `npm ci` in contracts/ (forge, anvil, cast come from npm).
#
# Usage: bench/gas/run.sh            (prints the table on stdout; progress on stderr)
# Bounded: every step has a timeout, and Anvil is killed on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CONTRACTS="$ROOT/contracts"
# forge, anvil and cast with their real exit status (contracts/scripts/foundry.sh; the npm launchers lose it).
BIN="$CONTRACTS/bin"
for tool in forge anvil cast; do
  "$BIN/$tool" --version >/dev/null || exit 1
done
export PATH="$BIN:$PATH"
export FOUNDRY_DISABLE_NIGHTLY_WARNING=1

# Anvil's well-known development keys (public; never use them anywhere else).
KEYS=(
  0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
  0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d
  0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a
  0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6
  0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a
  0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba
  0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e
  0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356
)
addr() { cast wallet address --private-key "$1"; }
DEPLOYER_KEY=${KEYS[0]}
TREASURY=$(addr "${KEYS[1]}")
ORGANIZER_KEY=${KEYS[2]}
ORGANIZER=$(addr "$ORGANIZER_KEY")
WARMUP_KEY=${KEYS[3]}
NEW_BUYER_KEY=${KEYS[4]}
BATCH_BUYER_KEY=${KEYS[5]}
REFUND_BUYER_KEY=${KEYS[6]}
MARKETPLACE_KEY=${KEYS[7]}

PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
RPC="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
ANVIL_PID=""
cleanup() {
  if [ -n "$ANVIL_PID" ]; then kill "$ANVIL_PID" 2>/dev/null || true; wait "$ANVIL_PID" 2>/dev/null || true; fi
  rm -rf "$WORK" "$CONTRACTS/deployments/bench-$PORT.json"
}
trap cleanup EXIT INT TERM

echo "starting anvil on $PORT" >&2
# A hard upper bound on Anvil's lifetime in case this script is killed without running its trap. bin/anvil execs the
# native binary, so killing $ANVIL_PID (timeout forwards the signal) really stops Anvil.
timeout 600 anvil --port "$PORT" --silent >"$WORK/anvil.log" 2>&1 &
ANVIL_PID=$!
for _ in $(seq 1 100); do
  cast chain-id --rpc-url "$RPC" >/dev/null 2>&1 && break
  sleep 0.1
done
cast chain-id --rpc-url "$RPC" >/dev/null

echo "deploying" >&2
(
  cd "$CONTRACTS"
  TREASURY="$TREASURY" OPERATOR="$(addr "$DEPLOYER_KEY")" DEPLOYMENT_OUT="deployments/bench-$PORT.json" \
    timeout 300 forge script script/Deploy.s.sol --rpc-url "$RPC" --broadcast --private-key "$DEPLOYER_KEY" \
    >"$WORK/deploy.log" 2>&1
) || { cat "$WORK/deploy.log" >&2; exit 1; }
DEPLOYMENT="$CONTRACTS/deployments/bench-$PORT.json"
json() { node -e 'console.log(require(process.argv[1])[process.argv[2]])' "$DEPLOYMENT" "$1"; }
NFT=$(json ticketNft)
PROCESSOR=$(json paymentProcessor)

# Sends a transaction and prints its gasUsed from the receipt.
send() {
  local key=$1 to=$2
  shift 2
  local tx
  tx=$(timeout 60 cast send --rpc-url "$RPC" --private-key "$key" --async "$to" "$@")
  local status
  status=$(timeout 60 cast receipt --rpc-url "$RPC" "$tx" status)
  case "$status" in 1* | true) ;; *) echo "transaction failed ($status): $to $*" >&2; exit 1 ;; esac
  timeout 60 cast receipt --rpc-url "$RPC" "$tx" gasUsed
}
call() { timeout 60 cast call --rpc-url "$RPC" "$@" | awk '{print $1}'; }

PRICE=10000000000000000 # 0.01 ether
NOW=$(cast block --rpc-url "$RPC" latest --field timestamp)
SALE_END=$((NOW + 3600))
EVENT_END=$((NOW + 7200))
REGISTER="registerEvent(uint256,address,uint96,uint32,uint40,uint40,uint40,bool)"
echo "registering events" >&2
REGISTER_GAS=$(send "$DEPLOYER_KEY" "$NFT" "$REGISTER" 1 "$ORGANIZER" "$PRICE" 1000 "$NOW" "$SALE_END" "$EVENT_END" false)
echo "(info) register-event $REGISTER_GAS" >&2
send "$DEPLOYER_KEY" "$NFT" "$REGISTER" 2 "$ORGANIZER" "$PRICE" 1000 "$NOW" "$SALE_END" "$EVENT_END" false >/dev/null

BUY="purchaseTickets(uint256,uint256)"
# The contract has already sold tickets before the measured purchases.
send "$WARMUP_KEY" "$PROCESSOR" "$BUY" 1 1 --value "$PRICE" >/dev/null
send "$WARMUP_KEY" "$PROCESSOR" "$BUY" 2 1 --value "$PRICE" >/dev/null

echo "purchase-1-new-buyer $(send "$NEW_BUYER_KEY" "$PROCESSOR" "$BUY" 1 1 --value "$PRICE")"
echo "purchase-1-repeat-buyer $(send "$NEW_BUYER_KEY" "$PROCESSOR" "$BUY" 1 1 --value "$PRICE")"
echo "purchase-10-new-buyer $(send "$BATCH_BUYER_KEY" "$PROCESSOR" "$BUY" 1 10 --value $((PRICE * 10)))"

REFUND_TOKEN=$(call "$NFT" "nextTokenId()(uint256)")
send "$REFUND_BUYER_KEY" "$PROCESSOR" "$BUY" 2 1 --value "$PRICE" >/dev/null
send "$DEPLOYER_KEY" "$PROCESSOR" "cancelEvent(uint256)" 2 >/dev/null
echo "refund-1 $(send "$REFUND_BUYER_KEY" "$PROCESSOR" "claimRefund(uint256)" "$REFUND_TOKEN")"

cast rpc --rpc-url "$RPC" evm_increaseTime 7201 >/dev/null
cast rpc --rpc-url "$RPC" evm_mine >/dev/null
echo "organizer-withdraw $(send "$ORGANIZER_KEY" "$PROCESSOR" "withdrawRevenue(uint256)" 1)"

# A marketplace pays the royalty of a 1 ether resale the ERC-2981 way, then the organizer collects its half.
ROYALTY=$(timeout 60 cast call --rpc-url "$RPC" "$NFT" "royaltyInfo(uint256,uint256)(address,uint256)" 1 1000000000000000000)
RECEIVER=$(echo "$ROYALTY" | sed -n 1p)
AMOUNT=$(echo "$ROYALTY" | sed -n 2p | awk '{print $1}')
send "$MARKETPLACE_KEY" "$RECEIVER" --value "$AMOUNT" >/dev/null
echo "royalty-withdraw $(send "$ORGANIZER_KEY" "$PROCESSOR" "withdrawRoyalty(uint256)" 1)"
