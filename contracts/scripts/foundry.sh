#!/usr/bin/env bash
# Runs forge, cast or anvil from the platform package npm installed for this machine
# (node_modules/@foundry-rs/<tool>-<os>-<arch>/bin/<tool>) and hands back the tool's own exit status.
#
# The npm launchers in node_modules/.bin (@foundry-rs/* 1.7.1) lose it: a failing test, a compile error, a
# `forge fmt --check` diff or a failed `cast call` all exit 0. Everything in the project therefore calls the tools
# through this file, usually as bin/forge, bin/cast and bin/anvil: the npm scripts (and so Maven), scripts/, bench/
# and the backend's local Anvil. It execs the binary, so the caller's process is the tool's (signals, kill, status).
#
#   scripts/foundry.sh <forge|cast|anvil> [args...]
set -euo pipefail

tool=${1:-}
case "$tool" in
  forge | cast | anvil) shift ;;
  *) echo "foundry.sh: usage: foundry.sh <forge|cast|anvil> [args...] (got '${tool}')" >&2; exit 64 ;;
esac

contracts="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The same platform names as the npm packages' optionalDependencies (npm installs only the matching one).
case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  MINGW* | MSYS* | CYGWIN*) os=win32 ;;
  *) os="unsupported-$(uname -s)" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) arch="unsupported-$(uname -m)" ;;
esac
exe=$tool
[ "$os" = win32 ] && exe="$tool.exe"
bin="$contracts/node_modules/@foundry-rs/$tool-$os-$arch/bin/$exe"

if [ ! -x "$bin" ]; then
  {
    echo "foundry.sh: no $tool binary for $os-$arch: $bin is missing."
    found=$(cd "$contracts/node_modules/@foundry-rs" 2>/dev/null && ls -d "$tool"-* 2>/dev/null | tr '\n' ' ' || true)
    if [ -n "$found" ]; then echo "foundry.sh: installed platform packages: $found(not this platform's)"; fi
    echo "foundry.sh: run 'npm ci' in $contracts (or bash $contracts/scripts/install.sh)."
  } >&2
  exit 127
fi
exec "$bin" "$@"
