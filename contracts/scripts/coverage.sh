#!/usr/bin/env bash
# Coverage of src/ by the whole Foundry suite (unit, fuzz, integration, invariant) with `forge coverage`, which
# compiles without the optimizer in memory (out/ and cache/ stay as they are) and runs every test once more.
# Prints the summary table (lines, statements, branches, functions per file) and writes to target/coverage/:
# summary.txt (the table), lcov.info (for an IDE or genhtml) and forge-coverage.log (forge's whole output).
# It reports, it does not gate. Run by `npm run coverage` and by Maven's verify phase (skip it with
# -Dforge.skipCoverage); about 17 CPU-seconds.
#
# Fuzz and invariant tests run 32 and 8 times here instead of 256 and 64 (foundry.toml): coverage asks which code the
# tests reach, `forge test` already runs the full counts, and the figures came out the same with full counts (which
# cost 2.5 times as much). Override with FOUNDRY_FUZZ_RUNS / FOUNDRY_INVARIANT_RUNS.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/coverage
mkdir -p "$OUT"
export FOUNDRY_DISABLE_NIGHTLY_WARNING=1
export FOUNDRY_FUZZ_RUNS=${FOUNDRY_FUZZ_RUNS:-32} FOUNDRY_INVARIANT_RUNS=${FOUNDRY_INVARIANT_RUNS:-8}
if ! bin/forge coverage --no-match-coverage '^(test|script|node_modules)/' \
  --report summary --report lcov --report-file "$OUT/lcov.info" >"$OUT/forge-coverage.log" 2>&1; then
  tail -n 60 "$OUT/forge-coverage.log" >&2
  echo "coverage: forge coverage failed; whole output in $OUT/forge-coverage.log" >&2
  exit 1
fi
# The coverage table is the last one forge prints (invariant call tables come before it).
awk '/^╭/ { block = ""; inside = 1 } inside { block = block $0 "\n" } /^╰/ { inside = 0; last = block }
  END { printf "%s", last }' "$OUT/forge-coverage.log" >"$OUT/summary.txt"
cat "$OUT/summary.txt"
echo "coverage: $OUT/summary.txt, $OUT/lcov.info"
