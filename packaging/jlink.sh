#!/usr/bin/env bash
# Builds Coffer's Java runtime: a jlink image holding only the modules coffer.jar needs.
# The Dockerfile runs this script, and so does CI (dev.coffer.agent.ship.RuntimeImageTest), so a
# module missing from the list fails CI even without a Docker engine.
#
# Usage: packaging/jlink.sh JAR OUTPUT_DIR
#   JAR         the shaded jar (agent/target/coffer.jar)
#   OUTPUT_DIR  where the runtime goes; must not exist, or be a runtime this script made before
# Environment:
#   JAVA_HOME             the JDK whose jdeps, jlink and jmods are used (default: the one on PATH)
#   COFFER_EXTRA_MODULES  comma-separated modules to add to the list below
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 JAR OUTPUT_DIR" >&2
  exit 2
fi
jar=$1
out=$2
[ -f "$jar" ] || { echo "jlink.sh: $jar not found; build it first with 'mvn -B -DskipTests package'" >&2; exit 1; }

bin=${JAVA_HOME:+$JAVA_HOME/bin/}
for tool in jdeps jlink; do
  command -v "${bin}$tool" >/dev/null || { echo "jlink.sh: ${bin}$tool not found; install a full JDK 17 (Debian: openjdk-17-jdk-headless)" >&2; exit 1; }
done

# What the jar's classes reference, as jdeps sees it (java.base, java.naming, java.sql, jdk.httpserver...).
found=$("${bin}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")

# What jdeps cannot see, because it is reached through providers or reflection:
#   jdk.crypto.ec    the SunEC provider: ECDHE key exchange and ECDSA certificates in TLS (S3, REST,
#                    Pushgateway, ntfy over https); without it most TLS handshakes fail
#   jdk.unsupported  sun.misc.Signal (SIGHUP from restic's lock probe is ignored), and zstd-jni/protobuf
#   jdk.naming.dns   JNDI's DNS provider, for libraries that look up SRV/TXT records
#   jdk.zipfs        zip file system provider, used by libraries reading resources through NIO
# Not needed, and left out: jdk.crypto.cryptoki (PKCS#11 hardware tokens), jdk.localedata (only the
# root and English locales are used), jdk.charsets (file names and output are UTF-8).
extra="jdk.crypto.ec,jdk.unsupported,jdk.naming.dns,jdk.zipfs${COFFER_EXTRA_MODULES:+,$COFFER_EXTRA_MODULES}"
modules=$(printf '%s,%s\n' "$found" "$extra" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)

if [ -e "$out" ]; then
  if [ -f "$out/release" ] && [ -x "$out/bin/java" ]; then
    rm -rf "$out"   # a runtime built before: rebuild it
  else
    echo "jlink.sh: $out exists and is not a runtime this script made; remove it or choose another folder" >&2
    exit 1
  fi
fi

echo "jlink.sh: modules $modules" >&2
"${bin}jlink" \
  --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files \
  --compress=2 \
  --output "$out"
# A class-data-sharing archive for the runtime's own classes: faster start, less memory per process.
"$out/bin/java" -Xshare:dump -XX:SharedArchiveFile="$out/lib/server/classes.jsa" -version >/dev/null 2>&1 \
  || echo "jlink.sh: no CDS archive (the runtime still works, it starts slower)" >&2

# The runtime must start and know every module it was given.
listed=$("$out/bin/java" --list-modules | sed 's/@.*//' | sort | paste -sd, -)
for m in ${modules//,/ }; do
  case ",$listed," in
    *",$m,"*) ;;
    *) echo "jlink.sh: module $m is missing from the runtime in $out" >&2; exit 1 ;;
  esac
done
echo "jlink.sh: runtime in $out ($(du -sh "$out" | cut -f1))" >&2
