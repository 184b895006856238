#!/usr/bin/env bash
# Proves that the checks `npm test` (and so `mvn verify`) relies on can fail: in a temporary copy of this project,
# a deliberately failing Solidity test, a file that does not compile, a deliberate gas change, unformatted files and
# failing cast/anvil/forge script calls each make the corresponding command exit non-zero, and the unchanged copy
# passes the same commands. The @foundry-rs npm launchers in node_modules/.bin exit 0 in all these cases; the project
# calls the tools through bin/ (scripts/foundry.sh), and this test keeps it that way.
#
# Part of `npm test` (after the real suite). The copy reuses the build (out/, cache/) and hard-links node_modules, so
# only the few deliberately changed files are compiled: about 30 s on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
CONTRACTS=$PWD

mkdir -p target
WORK=$(mktemp -d "$CONTRACTS/target/exit-codes.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
tar -C "$CONTRACTS" -c --exclude=./node_modules --exclude=./target --exclude=./broadcast . | tar -C "$WORK" -x
# Hard links keep forge's cache valid (a symlink outside the copy changes the source paths, so forge would rebuild
# everything); where they are not possible, a symlink still gives a correct, only slower, run.
cp -al "$CONTRACTS/node_modules" "$WORK/node_modules" 2>/dev/null || ln -s "$CONTRACTS/node_modules" "$WORK/node_modules"
cd "$WORK"
export FOUNDRY_DISABLE_NIGHTLY_WARNING=1

passed=0
failed=0
OUTPUT="$WORK/.output"

# check <zero|nonzero> <description> <extended regex the output must match, or ""> <command...>
check() {
  local expect=$1 what=$2 pattern=$3
  shift 3
  local status=0 ok=1
  "$@" >"$OUTPUT" 2>&1 || status=$?
  if [ "$expect" = zero ] && [ "$status" -ne 0 ]; then ok=0; fi
  if [ "$expect" = nonzero ] && [ "$status" -eq 0 ]; then ok=0; fi
  if [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$OUTPUT"; then ok=0; fi
  if [ "$ok" = 1 ]; then
    passed=$((passed + 1))
    echo "ok   $what (exit $status)"
  else
    failed=$((failed + 1))
    echo "FAIL $what: exit $status, expected ${expect}${pattern:+ and output matching /$pattern/}; output:"
    tail -n 40 "$OUTPUT" | sed 's/^/    /'
  fi
}
run() { npm run --silent --prefix "$WORK" "$@"; }
unchanged() { cmp -s "$1" "$WORK/.original"; }
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# --- forge build: a file that does not compile -------------------------------------------------------------------
check zero "npm run build passes on the unchanged copy" "" run build
cat >src/ExitCodesBroken.sol <<'EOF'
// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

contract ExitCodesBroken {
    function answer() external pure returns (uint256) {
        return "not a number";
    }
}
EOF
check nonzero "npm run build fails on a file that does not compile" "Error" run build
rm src/ExitCodesBroken.sol

# --- forge test: a failing Solidity test -------------------------------------------------------------------------
cat >test/ExitCodes.t.sol <<'EOF'
// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";

contract ExitCodesTest is Test {
    function test_Passes() external pure {
        assertEq(uint256(2), 2);
    }

    function test_FailsDeliberately() external pure {
        assertEq(uint256(1), 2, "deliberately failing");
    }
}
EOF
check zero "npm run test:forge passes a passing test" "1 tests passed" \
  run test:forge -- --match-path test/ExitCodes.t.sol --match-test test_Passes
check nonzero "npm run test:forge fails on a failing test" "deliberately failing" \
  run test:forge -- --match-path test/ExitCodes.t.sol
rm test/ExitCodes.t.sol

# --- forge snapshot --check: a deliberate gas change -------------------------------------------------------------
gas_test() {
  cat >test/ExitCodesGas.t.sol <<EOF
// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

contract ExitCodesGasTest {
    mapping(uint256 => uint256) internal _slots;

    function test_WritesSlots() external {
        for (uint256 i = 0; i < $1; ++i) {
            _slots[i] = i + 1;
        }
    }
}
EOF
}
GAS=(--match-path test/ExitCodesGas.t.sol)
gas_test 1000
check zero "npm run snapshot records the gas" "" run snapshot -- "${GAS[@]}"
check zero "npm run snapshot:check passes without a gas change" "" run snapshot:check -- "${GAS[@]}"
gas_test 1005
check zero "npm run snapshot:check passes a 0.5% gas change (tolerance 1%)" "" run snapshot:check -- "${GAS[@]}"
gas_test 1100
check nonzero "npm run snapshot:check fails on a 10% gas change" "ExitCodesGasTest" run snapshot:check -- "${GAS[@]}"
rm test/ExitCodesGas.t.sol

# --- forge fmt --check: unformatted files, shown as a diff and never rewritten -----------------------------------
check zero "npm run lint passes on the unchanged copy" "" run lint
cat >src/ExitCodesUnformatted.sol <<'EOF'
// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

contract ExitCodesUnformatted {
  function answer( ) external pure returns (uint256)   { return 42; }
}
EOF
cp src/ExitCodesUnformatted.sol "$WORK/.original"
check nonzero "npm run lint fails on an unformatted file and prints the diff" "Diff in src/ExitCodesUnformatted.sol" run lint
check zero "npm run lint leaves the unformatted file as it was" "" unchanged src/ExitCodesUnformatted.sol
rm src/ExitCodesUnformatted.sol
# forge fmt 1.7.1 drops these braces, and the `else` then binds to the inner `if` (contracts/README.md): the check
# must show that rewrite for review, not apply it.
cat >src/ExitCodesElseIf.sol <<'EOF'
// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

contract ExitCodesElseIf {
    function pick(bool a, bool b, uint256 x) external pure returns (uint256 y) {
        if (x == 0) y = 1;
        else if (a) { if (b) y = 2; }
        else y = 3;
    }
}
EOF
cp src/ExitCodesElseIf.sol "$WORK/.original"
check nonzero "npm run lint shows the else-if rewrite as a diff" '^[[:space:]0-9]*\|-.*else if \(a\) \{ if \(b\)' run lint
check zero "npm run lint leaves the else-if file as it was" "" unchanged src/ExitCodesElseIf.sol
rm src/ExitCodesElseIf.sol

# --- forge script, cast, anvil --------------------------------------------------------------------------------------
check nonzero "forge script fails when Deploy.s.sol reverts (SAFE_OWNER without roles)" \
  "Deploy_RoleRequiredWithSafeOwner" \
  env -u TREASURY -u OPERATOR -u PAUSER SAFE_OWNER=0x000000000000000000000000000000000000dEaD \
  DEPLOYMENT_OUT=deployments/exit-codes.json bin/forge script script/Deploy.s.sol
check zero "cast passes a call that works" "^0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470$" \
  bin/cast keccak ""
check nonzero "cast fails when the node cannot be reached" "" \
  timeout 60 bin/cast chain-id --rpc-url "http://127.0.0.1:$(free_port)"
check nonzero "anvil fails on an invalid argument" "" timeout 60 bin/anvil --port not-a-port

echo "exit codes: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
