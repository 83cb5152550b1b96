#!/usr/bin/env bash
# Regenerates the golden JSON files of package dev.coffer.repo.file with the real restic binary.
# Run it explicitly, never from the build: ./regenerate.sh
# Needs restic 0.14 on PATH, jq, sha256sum, and python3 (for the xattrs; the filesystem under /tmp
# must allow user.* xattrs). Output replaces trees/, trees.list, *.pretty.json and index-*.json
# here; inode, device and time values change on every run, so commit the new files together.
#
# What is stored:
#   trees/<id>            raw plaintext of every tree blob (`restic cat blob` writes exact bytes;
#                         the script checks that SHA-256 of each file equals its id)
#   trees.list            the ids, one per line
#   snapshot1.pretty.json `restic cat snapshot` of the first backup (MarshalIndent of the file)
#   snapshot2.pretty.json the second backup (has a parent, tags, excludes, hostname)
#   config.pretty.json    `restic cat config`
#   index-N.json          `restic cat index <id>` outputs (0.14 prints the JSON plus a newline
#                         from Println; the script strips that one extra newline)
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "$0")" && pwd)"
restic version | grep -q 'restic 0.14' || { echo "need restic 0.14" >&2; exit 1; }

work="$(mktemp -d /tmp/coffer-golden.XXXXXX)"
trap 'rm -rf "$work"' EXIT
src="$work/src"
repo="$work/repo"
export RESTIC_PASSWORD=golden RESTIC_REPOSITORY="$repo"
# a non-zero offset with minutes exercises "+05:30" in every timestamp
export TZ=Asia/Kolkata

mkdir -p "$src"
cd "$src"
echo 'html' > 'a<b>&c'
echo tab > "$(printf 'tab\tname')"
echo nl > "$(printf 'new\nline')"
echo quote > 'q"uote\\back'
echo latin > "$(printf '\xe9latin1')"
echo emoji > "$(printf '\xf0\x9f\x98\x80smile')"
echo nbsp > "$(printf 'nbsp\xc2\xa0name')"
echo zwsp > "$(printf 'zw\xe2\x80\x8bspace')"
echo ls > "$(printf 'ls\xe2\x80\xa8sep')"
echo ctl > "$(printf 'ctl\x01\x07\x7fx')"
: > empty
ln -s 'a<b>&c' link
ln -s "$(printf '\xfftarget\xe9')" badlink
mkfifo fifo
echo suid > setuid && chmod 4755 setuid
echo sgid > setgid && chmod 2755 setgid
mkdir sticky && chmod 1777 sticky
mkdir private && echo inner > private/inner && chmod 0700 private
mkdir emptydir
echo fixed > fixedtime && touch -d '2021-03-04 05:06:07.123456780 +0000' fixedtime
echo hard > hard1 && ln hard1 hard2
echo xattr > xattr
python3 -c "import os; os.setxattr('xattr', 'user.coffer', b'\x00\xffbin'); os.setxattr('xattr', 'user.a', b'text')"
head -c 3000000 /dev/zero > zeros.bin
echo skip > ignored.skip
cd /

restic init --repository-version 2 -q
restic backup -q --host goldenhost "$src"
echo more > "$src/added"
restic backup -q --host goldenhost --tag t1 --tag t0 --exclude '*.skip' "$src"

rm -rf "$here/trees" && mkdir -p "$here/trees"
: > "$here/trees.list"
snaps=($(restic snapshots --json | jq -r 'sort_by(.time) | .[].id'))
restic cat snapshot "${snaps[0]}" > "$here/snapshot1.pretty.json"
restic cat snapshot "${snaps[1]}" > "$here/snapshot2.pretty.json"
restic cat config > "$here/config.pretty.json"

declare -A seen=()
queue=()
for s in "${snaps[@]}"; do queue+=("$(restic cat snapshot "$s" | jq -r .tree)"); done
while ((${#queue[@]})); do
  id="${queue[0]}"; queue=("${queue[@]:1}")
  [[ -n "${seen[$id]:-}" ]] && continue
  seen[$id]=1
  restic cat blob "$id" > "$here/trees/$id"
  [[ "$(sha256sum < "$here/trees/$id" | cut -d' ' -f1)" == "$id" ]] || { echo "cat blob $id not exact" >&2; exit 1; }
  echo "$id" >> "$here/trees.list"
  for sub in $(jq -r '.nodes[] | select(.type == "dir") | .subtree' < "$here/trees/$id"); do queue+=("$sub"); done
done

n=0
rm -f "$here"/index-*.json
for idx in $(restic list index); do
  n=$((n + 1))
  restic cat index "$idx" > "$here/index-$n.raw"
  # drop the single newline that Println adds after the stored JSON (which ends in "\n" itself)
  python3 - "$here/index-$n.raw" "$here/index-$n.json" <<'PY'
import sys
b = open(sys.argv[1], 'rb').read()
assert b.endswith(b'\n\n'), 'expected JSON newline + Println newline'
open(sys.argv[2], 'wb').write(b[:-1])
PY
  rm "$here/index-$n.raw"
done
restic check -q
echo "golden files written to $here"
