#!/usr/bin/env bash
# Prints the path of a working promtool, fetching it first when none is there: from PROMTOOL, from PATH, or
# extracted from Debian's prometheus package into a cache directory. The package is downloaded and unpacked, never
# installed, so no prometheus service is set up or started.
set -euo pipefail

if [ -n "${PROMTOOL:-}" ] && [ -x "${PROMTOOL}" ]; then echo "${PROMTOOL}"; exit 0; fi
if command -v promtool >/dev/null 2>&1; then command -v promtool; exit 0; fi

cache="${ECHAIN_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/echain-tools}/prometheus"
if [ -x "$cache/usr/bin/promtool" ]; then echo "$cache/usr/bin/promtool"; exit 0; fi

command -v apt-get >/dev/null 2>&1 || { echo "promtool not found: install Prometheus's promtool or set PROMTOOL" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
if ! apt-get download prometheus >&2 2>"$work/download.log"; then
  # A fresh machine has no package lists yet.
  apt-get update >&2 && apt-get download prometheus >&2
fi
mkdir -p "$cache"
dpkg-deb -x prometheus_*.deb "$work/root"
mkdir -p "$cache/usr/bin"
cp "$work/root/usr/bin/promtool" "$cache/usr/bin/promtool"
echo "$cache/usr/bin/promtool"
