#!/usr/bin/env bash
# Sums the JaCoCo report of the backend (target/site/jacoco/jacoco.csv, written by `mvn verify`) per module: the
# first package under io.echain (events, identity, payments, tickets, checkin, chain, web, shared, ops, dev), internals
# included.
# Prints lines and branches covered per module and in total.
#   backend/src/build/coverage-by-module.sh [path/to/jacoco.csv]
set -euo pipefail
CSV=${1:-"$(dirname "$0")/../../target/site/jacoco/jacoco.csv"}
[ -f "$CSV" ] || { echo "no $CSV: run 'mvn verify' (or 'mvn -pl backend verify') first" >&2; exit 1; }
# Columns: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
awk -F, '
  NR == 1 { next }
  {
    n = split($2, part, ".")
    module = (n >= 3) ? part[3] : "(io.echain)"
    lm[module] += $8; lc[module] += $9; bm[module] += $6; bc[module] += $7
    tlm += $8; tlc += $9; tbm += $6; tbc += $7
  }
  function pct(c, m) { return (c + m) == 0 ? "    -" : sprintf("%5.1f%%", 100 * c / (c + m)) }
  END {
    printf "%-12s %8s %15s %8s %15s\n", "module", "lines", "(covered/all)", "branches", "(covered/all)"
    for (module in lm) names[++count] = module
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (names[j] < names[i]) { t = names[i]; names[i] = names[j]; names[j] = t }
    for (i = 1; i <= count; i++) {
      m = names[i]
      printf "%-12s %8s %15s %8s %15s\n", m, pct(lc[m], lm[m]), lc[m] "/" lc[m] + lm[m], pct(bc[m], bm[m]), bc[m] "/" bc[m] + bm[m]
    }
    printf "%-12s %8s %15s %8s %15s\n", "total", pct(tlc, tlm), tlc "/" tlc + tlm, pct(tbc, tbm), tbc "/" tbc + tbm
  }' "$CSV"
