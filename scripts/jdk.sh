#!/usr/bin/env bash
# The one JDK lookup of the repository, sourced by run.sh, .ci/run and the benchmarks (". scripts/jdk.sh"): makes
# JAVA_HOME a JDK 21 or newer and puts it first on PATH. It keeps a JAVA_HOME that qualifies, else takes the `java`
# on PATH if that is new enough, else the newest JDK 21+ under /usr/lib/jvm; it fails with a message if there is none.

echain_java_ok() { # java executable
  [ -x "$1" ] && "$1" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'
}

if [ -z "${JAVA_HOME:-}" ] || ! echain_java_ok "${JAVA_HOME}/bin/java"; then
  echain_jdk=""
  if command -v java >/dev/null 2>&1 && echain_java_ok "$(command -v java)"; then
    echain_jdk=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.home/ {print $2; exit}')
  fi
  if [ -z "$echain_jdk" ]; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 \
        $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) /usr/lib/jvm/java-21-openjdk-amd64; do
      candidate=${candidate%/}
      if echain_java_ok "$candidate/bin/java"; then echain_jdk="$candidate"; break; fi
    done
  fi
  if [ -z "$echain_jdk" ]; then
    echo "No JDK 21 or newer found: install one and set JAVA_HOME" >&2
    return 1 2>/dev/null || exit 1
  fi
  export JAVA_HOME="$echain_jdk"
  unset echain_jdk
fi
export PATH="$JAVA_HOME/bin:$PATH"
