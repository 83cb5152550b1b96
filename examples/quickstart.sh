#!/usr/bin/env bash
# Quick start: build Coffer if needed, back up a folder into a new local repository, restore it
# and compare. Usage: bash examples/quickstart.sh [FOLDER]   (default: this project's examples/)
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=${LANG:-C.UTF-8}
SRC=$(cd "${1:-examples}" && pwd)
JAR=agent/target/coffer.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests
WORK=$(mktemp -d /tmp/coffer-quickstart.XXXXXX)
export RESTIC_REPOSITORY=$WORK/repo RESTIC_PASSWORD=${RESTIC_PASSWORD:-quickstart-password}
coffer() { java -jar "$JAR" "$@"; }
coffer init
coffer backup "$SRC"
coffer snapshots
coffer restore latest --target "$WORK/restore"
diff -r "$SRC" "$WORK/restore$SRC" && echo "restore of $SRC is identical (repository: $WORK/repo)"
