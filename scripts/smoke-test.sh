#!/usr/bin/env bash
# Smoke test of a running release: /health is UP and /api/chain names the chain and the contract addresses of the
# deployment JSON the release was configured with, and a public RPC URL for wallets and the web app. Run by .github/workflows/deploy.yml after `helm upgrade` and by
# hand after any change (docs/deployment/DEPLOYMENT_GUIDE.md). Retries for SMOKE_TIMEOUT seconds (default 60).
#   scripts/smoke-test.sh https://app.echain.io contracts/deployments/8453.json
set -euo pipefail
BASE=${1:?usage: smoke-test.sh <base-url> <deployment.json>}
DEPLOYMENT=${2:?usage: smoke-test.sh <base-url> <deployment.json>}
BASE=${BASE%/}
TIMEOUT=${SMOKE_TIMEOUT:-60}
[ -f "$DEPLOYMENT" ] || { echo "smoke test: no deployment file $DEPLOYMENT" >&2; exit 2; }

deadline=$(( $(date +%s) + TIMEOUT ))
until health=$(curl -fsS --max-time 5 "$BASE/health" 2>/dev/null); do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "smoke test: FAIL $BASE/health did not answer 200 within ${TIMEOUT}s" >&2
    curl -sS --max-time 5 "$BASE/health" >&2 || true
    exit 1
  fi
  sleep 2
done
chain=$(curl -fsS --max-time 10 "$BASE/api/chain") || { echo "smoke test: FAIL $BASE/api/chain did not answer 200" >&2; exit 1; }

node - "$DEPLOYMENT" "$health" "$chain" <<'JS'
const fs = require('fs');
const [file, healthText, chainText] = process.argv.slice(2);
const want = JSON.parse(fs.readFileSync(file, 'utf8'));
const health = JSON.parse(healthText);
const chain = JSON.parse(chainText);
const problems = [];
if (health.status !== 'UP') problems.push(`/health says ${health.status}: ${healthText}`);
if (Number(chain.chainId) !== Number(want.chainId)) problems.push(`/api/chain is on chain ${chain.chainId}, the deployment on ${want.chainId}`);
// Without ECHAIN_PUBLIC_RPC_URL the backend publishes no RPC URL (never its keyed ECHAIN_RPC_URL): no web app reads.
if (typeof chain.rpcUrl !== 'string' || !/^https?:\/\//.test(chain.rpcUrl)) {
  problems.push(`/api/chain has no rpcUrl for wallets and the web app (${chain.rpcUrl}): set ECHAIN_PUBLIC_RPC_URL`);
}
for (const key of ['ticketNft', 'paymentProcessor']) {
  if (String(chain[key]).toLowerCase() !== String(want[key]).toLowerCase()) {
    problems.push(`/api/chain ${key} is ${chain[key]}, the deployment says ${want[key]}`);
  }
}
if (problems.length) {
  for (const p of problems) console.error(`smoke test: FAIL ${p}`);
  process.exit(1);
}
console.log(`smoke test: ok (version ${health.version}, chain ${chain.chainId}, head block ${chain.headBlock}, ` +
  `EventTicketNFT ${chain.ticketNft}, PaymentProcessor ${chain.paymentProcessor})`);
JS
