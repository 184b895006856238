#!/usr/bin/env bash
# Checks a target environment's settings before the first deploy (and before any change of them): required
# variables present and well-formed, the JWT secret strong enough, the RPC node on the configured chain, contract
# code at the configured addresses and the contracts wired to each other, the operator able to pay gas, the public
# RPC URL for wallets set (never the keyed ECHAIN_RPC_URL) and on the same chain, and the database reachable.
# Says what is wrong in words; exits 1 if anything is.
#
#   scripts/production-setup.sh [--env-file FILE] [--skip-db]
# Settings come from the environment (the names in .env.example), or from FILE (KEY=value lines, # comments),
# which wins. --skip-db: no database connection from here (e.g. a CI runner outside the database's network).
# Needs curl and node; psql for the database check (else only a TCP connect); cast (contracts/node_modules) for the
# operator's address.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SKIP_DB=false
while [ $# -gt 0 ]; do
  case "$1" in
    --env-file) ENV_FILE=${2:?--env-file needs a file}; shift 2 ;;
    --skip-db) SKIP_DB=true; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "production-setup: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -n "${ENV_FILE:-}" ]; then
  [ -f "$ENV_FILE" ] || { echo "production-setup: no file $ENV_FILE" >&2; exit 2; }
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    key=${line%%=*}; value=${line#*=}
    value=${value%\"}; value=${value#\"}
    [[ "$key" =~ ^[A-Z_][A-Z0-9_]*$ ]] && export "$key=$value"
  done < "$ENV_FILE"
fi

FAILS=0
WARNS=0
ok() { echo "  ok    $*"; }
fail() { echo "  FAIL  $*"; FAILS=$((FAILS + 1)); }
warn() { echo "  warn  $*"; WARNS=$((WARNS + 1)); }
# An RPC URL often carries the provider's API key: show scheme and host only.
redact() { echo "$1" | sed -E 's#^([a-z]+://[^/?]+).*#\1/…#'; }
is_address() { [[ "$1" =~ ^0x[0-9a-fA-F]{40}$ ]]; }

echo "Required settings"
REQUIRED=(ECHAIN_DB_URL ECHAIN_DB_USERNAME ECHAIN_DB_PASSWORD ECHAIN_JWT_SECRET ECHAIN_ADMIN_ADDRESSES
  ECHAIN_SIWE_DOMAIN ECHAIN_SIWE_URI ECHAIN_CHAIN_ID ECHAIN_RPC_URL ECHAIN_PUBLIC_RPC_URL ECHAIN_TICKET_NFT
  ECHAIN_PAYMENT_PROCESSOR ECHAIN_DEPLOYMENT_BLOCK ECHAIN_OPERATOR_KEY)
missing=()
for name in "${REQUIRED[@]}"; do
  [ -n "${!name:-}" ] || missing+=("$name")
done
if [ ${#missing[@]} -eq 0 ]; then ok "all ${#REQUIRED[@]} required variables are set"; else
  fail "not set: ${missing[*]} (each is described in docs/deployment/DEPLOYMENT_GUIDE.md)"; fi

echo "Formats"
DB_URL=${ECHAIN_DB_URL:-}
if [ -n "$DB_URL" ]; then
  if [[ "$DB_URL" =~ ^jdbc:postgresql://[^/:]+(:[0-9]+)?/[^?]+ ]]; then ok "ECHAIN_DB_URL is a PostgreSQL JDBC URL";
  else fail "ECHAIN_DB_URL must look like jdbc:postgresql://host:5432/echain, got '$DB_URL'"; fi
fi
CHAIN_ID=${ECHAIN_CHAIN_ID:-}
if [ -n "$CHAIN_ID" ]; then
  case "$CHAIN_ID" in
    8453) ok "ECHAIN_CHAIN_ID 8453 (Base mainnet)" ;;
    84532) ok "ECHAIN_CHAIN_ID 84532 (Base Sepolia)" ;;
    *[!0-9]*) fail "ECHAIN_CHAIN_ID must be a number (8453 Base, 84532 Base Sepolia), got '$CHAIN_ID'" ;;
    *) warn "ECHAIN_CHAIN_ID $CHAIN_ID is neither Base (8453) nor Base Sepolia (84532)" ;;
  esac
fi
for name in ECHAIN_TICKET_NFT ECHAIN_PAYMENT_PROCESSOR; do
  value=${!name:-}
  [ -z "$value" ] || is_address "$value" || fail "$name must be a 0x-prefixed 20-byte hex address, got '$value'"
done
if [ -n "${ECHAIN_TICKET_NFT:-}" ] && [ "${ECHAIN_TICKET_NFT,,}" = "${ECHAIN_PAYMENT_PROCESSOR:-}" ]; then
  fail "ECHAIN_TICKET_NFT and ECHAIN_PAYMENT_PROCESSOR are the same address"
fi
if [ -n "${ECHAIN_ADMIN_ADDRESSES:-}" ]; then
  bad=()
  IFS=',' read -ra admins <<< "$ECHAIN_ADMIN_ADDRESSES"
  for a in "${admins[@]}"; do a=$(echo "$a" | tr -d ' '); [ -z "$a" ] || is_address "$a" || bad+=("'$a'"); done
  if [ ${#bad[@]} -eq 0 ]; then ok "ECHAIN_ADMIN_ADDRESSES: ${#admins[@]} address(es)";
  else fail "ECHAIN_ADMIN_ADDRESSES has entries that are not addresses: ${bad[*]}"; fi
fi
if [ -n "${ECHAIN_DEPLOYMENT_BLOCK:-}" ] && ! [[ "$ECHAIN_DEPLOYMENT_BLOCK" =~ ^[0-9]+$ ]]; then
  fail "ECHAIN_DEPLOYMENT_BLOCK must be a block number (deploymentBlock in the deployment JSON), got '$ECHAIN_DEPLOYMENT_BLOCK'"
fi
KEY=${ECHAIN_OPERATOR_KEY:-}
if [ -n "$KEY" ]; then
  if [[ "$KEY" =~ ^(0x)?[0-9a-fA-F]{64}$ ]]; then ok "ECHAIN_OPERATOR_KEY is a 32-byte hex key";
  else fail "ECHAIN_OPERATOR_KEY must be a 32-byte hex private key (64 hex digits), got ${#KEY} characters"; fi
  # Anvil's and Hardhat's public development keys ("test test ... junk"): anyone can sign with them.
  case "$(echo "${KEY#0x}" | tr '[:upper:]' '[:lower:]')" in
    ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80|59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d|\
    5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a|7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6|\
    47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a|8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba|\
    92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e|4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356|\
    dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97|2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6)
      [ "$CHAIN_ID" = 31337 ] || fail "ECHAIN_OPERATOR_KEY is one of Anvil's public development keys: anyone can sign with it" ;;
  esac
fi
if [ -n "${ECHAIN_SIWE_URI:-}" ]; then
  case "$ECHAIN_SIWE_URI" in
    https://*) ok "ECHAIN_SIWE_URI is https" ;;
    http://localhost*|http://127.0.0.1*) warn "ECHAIN_SIWE_URI is a local http origin" ;;
    *) fail "ECHAIN_SIWE_URI must be the site's https origin (what wallets show), got '$ECHAIN_SIWE_URI'" ;;
  esac
  host=${ECHAIN_SIWE_URI#*://}; host=${host%%/*}
  [ -z "${ECHAIN_SIWE_DOMAIN:-}" ] || [ "$host" = "$ECHAIN_SIWE_DOMAIN" ] \
    || fail "ECHAIN_SIWE_DOMAIN '$ECHAIN_SIWE_DOMAIN' is not the host of ECHAIN_SIWE_URI ('$host'): every sign-in would be refused"
fi

echo "JWT secret"
SECRET=${ECHAIN_JWT_SECRET:-}
if [ -n "$SECRET" ]; then
  bytes=$(printf %s "$SECRET" | wc -c)
  distinct=$(printf %s "$SECRET" | fold -w1 | sort -u | wc -l)
  lower=$(printf %s "$SECRET" | tr '[:upper:]' '[:lower:]')
  if [ "$bytes" -lt 32 ]; then
    fail "ECHAIN_JWT_SECRET is $bytes bytes; it must be at least 32 (the backend refuses shorter ones): use \`openssl rand -base64 48\`"
  elif [ "$distinct" -lt 12 ]; then
    fail "ECHAIN_JWT_SECRET uses only $distinct different characters: it is guessable; use \`openssl rand -base64 48\`"
  elif [[ "$lower" =~ (changeme|change-me|secret|password|example|placeholder|dev-only|test) ]]; then
    fail "ECHAIN_JWT_SECRET looks like a placeholder (contains '${BASH_REMATCH[1]}'); use \`openssl rand -base64 48\`"
  else
    ok "ECHAIN_JWT_SECRET: $bytes bytes, $distinct different characters"
  fi
fi

rpc_at() { # url method params
  curl -sS --max-time 10 -H 'content-type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":$3}" "$1" 2>/dev/null
}
rpc() { rpc_at "$ECHAIN_RPC_URL" "$@"; }
result() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const r=JSON.parse(s);if(r.error)process.exit(3);console.log(r.result)}catch(e){process.exit(4)}})'; }
hex_to_dec() { node -e 'console.log(BigInt(process.argv[1]).toString())' "$1"; }

echo "Chain ($(redact "${ECHAIN_RPC_URL:-unset}"))"
if [ -n "${ECHAIN_RPC_URL:-}" ]; then
  if ! answer=$(rpc eth_chainId '[]' | result); then
    fail "the RPC node at $(redact "$ECHAIN_RPC_URL") does not answer eth_chainId (wrong URL, key or network)"
  else
    node_chain=$(hex_to_dec "$answer")
    if [ "$node_chain" = "$CHAIN_ID" ]; then ok "the RPC node is on chain $node_chain";
    else fail "the RPC node is on chain $node_chain, but ECHAIN_CHAIN_ID is '$CHAIN_ID': the backend would refuse to start"; fi
    head=$(hex_to_dec "$(rpc eth_blockNumber '[]' | result)")
    for name in ECHAIN_TICKET_NFT ECHAIN_PAYMENT_PROCESSOR; do
      address=${!name:-}
      is_address "$address" || continue
      code=$(rpc eth_getCode "[\"$address\",\"latest\"]" | result)
      if [ -n "$code" ] && [ "$code" != "0x" ]; then ok "$name $address holds contract code";
      else fail "$name $address holds no contract code on chain $node_chain (wrong network or wrong address)"; fi
    done
    if is_address "${ECHAIN_TICKET_NFT:-}" && is_address "${ECHAIN_PAYMENT_PROCESSOR:-}"; then
      # minter() of EventTicketNFT must be the PaymentProcessor.
      minter=$(rpc eth_call "[{\"to\":\"$ECHAIN_TICKET_NFT\",\"data\":\"0x07546172\"},\"latest\"]" | result)
      if [ "${minter: -40}" = "$(echo "${ECHAIN_PAYMENT_PROCESSOR#0x}" | tr '[:upper:]' '[:lower:]')" ]; then
        ok "EventTicketNFT's minter is the PaymentProcessor"
      else fail "EventTicketNFT's minter is 0x${minter: -40}, not ECHAIN_PAYMENT_PROCESSOR: these addresses are not one deployment"; fi
    fi
    if [[ "${ECHAIN_DEPLOYMENT_BLOCK:-}" =~ ^[0-9]+$ ]] && [ "$ECHAIN_DEPLOYMENT_BLOCK" -gt "$head" ]; then
      fail "ECHAIN_DEPLOYMENT_BLOCK $ECHAIN_DEPLOYMENT_BLOCK is after the chain's head $head"
    fi
    CAST="$ROOT/contracts/node_modules/@foundry-rs/cast-linux-amd64/bin/cast"
    [ -x "$CAST" ] || CAST=$(command -v cast || true)
    if [[ "$KEY" =~ ^(0x)?[0-9a-fA-F]{64}$ ]] && [ -n "$CAST" ]; then
      operator=$("$CAST" wallet address --private-key "0x${KEY#0x}" 2>/dev/null)
      balance=$(hex_to_dec "$(rpc eth_getBalance "[\"$operator\",\"latest\"]" | result)")
      if [ "$balance" = 0 ]; then fail "the operator $operator has no ETH: it cannot pay gas to put events on chain";
      else ok "the operator $operator holds $balance wei"; fi
      if is_address "${ECHAIN_TICKET_NFT:-}"; then
        # isOperator(address) of EventTicketNFT.
        data="0x6d70f7ae000000000000000000000000$(echo "${operator#0x}" | tr '[:upper:]' '[:lower:]')"
        role=$(rpc eth_call "[{\"to\":\"$ECHAIN_TICKET_NFT\",\"data\":\"$data\"},\"latest\"]" | result)
        if [ "${role: -1}" = 1 ]; then ok "the operator $operator has the operator role";
        else fail "the operator $operator lacks the operator role on EventTicketNFT (the owner grants it with setOperator)"; fi
      fi
    elif [ -n "$KEY" ]; then
      warn "no cast found: the operator's balance and role are not checked"
    fi
  fi
fi

# GET /api/chain is public: wallets and the web app get ECHAIN_PUBLIC_RPC_URL, never ECHAIN_RPC_URL (the backend
# publishes no RPC URL at all without it, and the web app cannot read the chain then).
echo "Public RPC URL (GET /api/chain, for wallets and the web app)"
PUBLIC_RPC=${ECHAIN_PUBLIC_RPC_URL:-}
if [ -z "$PUBLIC_RPC" ]; then
  echo "  note  ECHAIN_PUBLIC_RPC_URL is not set (see above): the backend never publishes ECHAIN_RPC_URL, which carries the"
  echo "        provider's key, so wallets and the web app would get no RPC URL; set a keyless public endpoint,"
  echo "        https://mainnet.base.org (8453) or https://sepolia.base.org (84532)"
else
  case "$PUBLIC_RPC" in
    https://*) ok "ECHAIN_PUBLIC_RPC_URL is https ($PUBLIC_RPC)" ;;
    http://localhost*|http://127.0.0.1*) warn "ECHAIN_PUBLIC_RPC_URL is a local http URL ($PUBLIC_RPC)" ;;
    *) fail "ECHAIN_PUBLIC_RPC_URL must be an https URL that browsers reach from the https site, got '$(redact "$PUBLIC_RPC")'" ;;
  esac
  if [ "$PUBLIC_RPC" = "${ECHAIN_RPC_URL:-}" ]; then
    warn "ECHAIN_PUBLIC_RPC_URL is ECHAIN_RPC_URL: every visitor sees it; only right if that URL carries no key"
  fi
  if ! answer=$(rpc_at "$PUBLIC_RPC" eth_chainId '[]' | result); then
    fail "the public RPC URL $(redact "$PUBLIC_RPC") does not answer eth_chainId: wallets and the web app could not read the chain"
  else
    public_chain=$(hex_to_dec "$answer")
    if [ "$public_chain" = "$CHAIN_ID" ]; then ok "the public RPC URL is on chain $public_chain";
    else fail "the public RPC URL is on chain $public_chain, but ECHAIN_CHAIN_ID is '$CHAIN_ID': wallets would be sent to another chain"; fi
  fi
fi

echo "Database"
if $SKIP_DB; then
  warn "database not checked (--skip-db)"
elif [[ "$DB_URL" =~ ^jdbc:postgresql://([^/:]+)(:([0-9]+))?/([^?]+) ]]; then
  db_host=${BASH_REMATCH[1]}; db_port=${BASH_REMATCH[3]:-5432}; db_name=${BASH_REMATCH[4]}
  if command -v psql >/dev/null; then
    if version=$(PGPASSWORD=${ECHAIN_DB_PASSWORD:-} PGCONNECT_TIMEOUT=5 psql -XtA "${DB_URL#jdbc:}" \
        -U "${ECHAIN_DB_USERNAME:-}" -c 'show server_version' 2>&1); then
      ok "PostgreSQL ${version%% *} at $db_host:$db_port/$db_name accepts ${ECHAIN_DB_USERNAME:-}"
    else
      fail "cannot connect to PostgreSQL at $db_host:$db_port/$db_name as '${ECHAIN_DB_USERNAME:-}': $(echo "$version" | head -1)"
    fi
  elif timeout 5 bash -c "exec 3<>/dev/tcp/$db_host/$db_port" 2>/dev/null; then
    warn "$db_host:$db_port accepts connections (install psql to check the login too)"
  else
    fail "nothing accepts connections at $db_host:$db_port (ECHAIN_DB_URL)"
  fi
fi
if [ -n "${ECHAIN_REDIS_URL:-}" ]; then
  if [[ "$ECHAIN_REDIS_URL" =~ ^rediss?://([^@/]*@)?([^:/]+)(:([0-9]+))? ]]; then
    r_host=${BASH_REMATCH[2]}; r_port=${BASH_REMATCH[4]:-6379}
    if timeout 5 bash -c "exec 3<>/dev/tcp/$r_host/$r_port" 2>/dev/null; then ok "Redis at $r_host:$r_port accepts connections";
    else fail "nothing accepts connections at $r_host:$r_port (ECHAIN_REDIS_URL)"; fi
  else fail "ECHAIN_REDIS_URL must look like redis://host:6379, got '$(redact "$ECHAIN_REDIS_URL")'"; fi
fi

echo
if [ "$FAILS" -eq 0 ]; then
  echo "production-setup: all checks passed ($WARNS warning(s))"
else
  echo "production-setup: $FAILS problem(s), $WARNS warning(s): fix them before deploying"
  exit 1
fi
