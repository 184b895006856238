#!/usr/bin/env bash
# Builds the base image for offline image builds (no registry can be reached here) from what the machine has:
# a jlink runtime of the JDK in JAVA_HOME, the glibc libraries it links against, a non-root user (65532) and a
# world-writable /tmp, packed as a `docker save` tarball that Jib reads as `tar://` base. Real builds use the
# digest-pinned base in backend/pom.xml (profile image-release) instead.
#
#   deploy/image/offline-base.sh <output.tar>
# Rebuilt only when the JDK or this script changed (a stamp next to the tarball).
set -euo pipefail
OUT=${1:?usage: offline-base.sh <output.tar>}
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[ -x "$JAVA_HOME/bin/jlink" ] || { echo "offline-base: no jlink in JAVA_HOME=$JAVA_HOME (a JDK 21+ is needed)" >&2; exit 1; }

# What a Spring Boot 4 web application with JDBC, JMX-free Actuator, TLS and web3j needs from the JDK.
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,\
java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,\
jdk.crypto.cryptoki,jdk.jfr,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs,\
jdk.localedata

STAMP="$OUT.stamp"
want="$("$JAVA_HOME/bin/java" -version 2>&1 | head -1) $(sha256sum "$0" | cut -d' ' -f1)"
if [ -f "$OUT" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  echo "offline-base: $OUT is up to date"
  exit 0
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/echain-base.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/rootfs"
mkdir -p "$ROOT/opt" "$ROOT/tmp" "$ROOT/etc" "$ROOT/app" "$ROOT/proc" "$ROOT/dev" "$ROOT/home/nonroot"
chmod 1777 "$ROOT/tmp"
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$ROOT/opt/java"

# The shared libraries the runtime links against, from this machine, at the same paths.
copy() {
  local lib=$1
  [ -e "$ROOT$lib" ] && return 0
  mkdir -p "$ROOT$(dirname "$lib")"
  cp -L "$lib" "$ROOT$lib"
}
while read -r lib; do copy "$lib"; done < <(
  find "$ROOT/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
    | grep -oE '/[^ ]+\.so[^ ]*' | grep -v "^$ROOT" | sort -u)
for loader in /lib64/ld-linux-x86-64.so.2; do copy "$loader"; done

cat > "$ROOT/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat > "$ROOT/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP
chown 65532:65532 "$ROOT/home/nonroot" 2>/dev/null || true

tar --numeric-owner --sort=name --mtime=@0 -C "$ROOT" -cf "$WORK/layer.tar" .
DIFF_ID=$(sha256sum "$WORK/layer.tar" | cut -d' ' -f1)
cat > "$WORK/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8","HOME=/home/nonroot"],"User":"65532:65532","WorkingDir":"/"},"rootfs":{"type":"layers","diff_ids":["sha256:$DIFF_ID"]},"history":[{"created_by":"deploy/image/offline-base.sh: jlink runtime of $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | tr -d '"')"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["echain-offline-base:latest"],"Layers":["layer.tar"]}]' > "$WORK/manifest.json"
mkdir -p "$(dirname "$OUT")"
tar --sort=name --mtime=@0 -C "$WORK" -cf "$OUT.partial" manifest.json config.json layer.tar
mv "$OUT.partial" "$OUT"
echo "$want" > "$STAMP"
echo "offline-base: wrote $OUT ($(du -h "$OUT" | cut -f1), runtime $(du -sh "$ROOT/opt/java" | cut -f1))"
