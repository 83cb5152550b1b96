#!/usr/bin/env bash
# Regenerates the golden key files with the real restic (0.14 or later, which has `cat masterkey`).
# Run by hand, from anywhere: repo-format/src/test/resources/golden/crypto/regenerate.sh
# Each case directory holds: password (UTF-8, no newline), keys/<id> (the key file as restic wrote
# it), config (the encrypted config file), masterkey.json (`restic cat masterkey`) and
# config.json (`restic cat config`). The repositories are freshly initialised, so they are tiny.
set -euo pipefail
export LC_ALL=C.UTF-8
here="$(cd "$(dirname "$0")" && pwd)"
restic version

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

gen() {
    local name="$1" password="$2"
    local repo="$work/$name" out="$here/$name"
    rm -rf "$out"
    mkdir -p "$out/keys"
    export RESTIC_PASSWORD="$password"
    restic --no-cache -q -r "$repo" init --repository-version 2 >/dev/null
    cp "$repo"/keys/* "$out/keys/"
    cp "$repo/config" "$out/config"
    printf '%s' "$password" > "$out/password"
    restic --no-cache -q --no-lock -r "$repo" cat masterkey > "$out/masterkey.json"
    restic --no-cache -q --no-lock -r "$repo" cat config > "$out/config.json"
    unset RESTIC_PASSWORD
    echo "$name: $(ls "$out/keys")"
}

gen ascii 'correct horse battery staple'
gen umlaut 'pässwörd-ü'
gen long "$(printf 'Long password, with spaces, quotes \x27 " and \\ backslash; € and 🔑 too. %.0s' {1..6})"
