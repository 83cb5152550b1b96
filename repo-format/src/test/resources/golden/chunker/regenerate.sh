#!/bin/sh
# Regenerates chunks.json: the chunk boundaries and ids that the real restic (0.14) produces for
# deterministic files, checked by dev.coffer.repo.chunker.ResticGoldenTest.
#
# Usage: ./regenerate.sh            (needs restic and python3 on PATH; writes ./chunks.json)
#
# The data is not committed; the test regenerates it with the same generators:
#   xorshift64(seed): x ^= x << 13; x ^= x >> 7; x ^= x << 17 (64-bit unsigned); return x
#   random  bytes of successive xorshift64 outputs, each written little-endian, cut to size
#   zero    size zero bytes
#   fill    size copies of the byte `value`
#   text    repeat: r = next(); append WORDS[r & 31]; append "\n" if (r >> 5) & 15 == 0 else " ";
#           until at least size bytes, then cut to size (ASCII)
# restic picks a random chunker polynomial at init; it is recorded in chunks.json.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RESTIC_PASSWORD=golden-chunker
export RESTIC_REPOSITORY="$work/repo"
export RESTIC_CACHE_DIR="$work/cache"
export GOLDEN_WORK="$work"

python3 - "$work/data" <<'PY'
import os, sys, json
MASK = (1 << 64) - 1
WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "backup", "restic",
         "chunk", "polynomial", "window", "digest", "metrics", "prometheus", "sample", "value",
         "label", "series", "time", "stamp", "error", "warning", "info", "debug", "kubernetes",
         "pod", "container", "volume", "snapshot", "1234567890"]
MIB = 1 << 20

def xorshift(seed):
    x = seed
    while True:
        x ^= (x << 13) & MASK
        x ^= x >> 7
        x ^= (x << 17) & MASK
        yield x

def random_bytes(seed, size):
    g = xorshift(seed)
    out = bytearray()
    while len(out) < size:
        out += next(g).to_bytes(8, "little")
    return bytes(out[:size])

def text_bytes(seed, size):
    g = xorshift(seed)
    parts, n = [], 0
    while n < size:
        r = next(g)
        w = WORDS[r & 31] + ("\n" if (r >> 5) & 15 == 0 else " ")
        parts.append(w)
        n += len(w)
    return "".join(parts).encode("ascii")[:size]

FILES = [
    {"name": "random.bin", "generator": "random", "seed": 1, "size": 6 * MIB + 12345},
    {"name": "zero.bin", "generator": "zero", "size": 3 * MIB},
    {"name": "text.txt", "generator": "text", "seed": 2, "size": 20 * MIB + 777},
    {"name": "fill.bin", "generator": "fill", "value": 170, "size": 18 * MIB + 5},
    {"name": "small.bin", "generator": "random", "seed": 3, "size": 100000},
    {"name": "min.bin", "generator": "random", "seed": 4, "size": 512 * 1024},
    {"name": "empty.bin", "generator": "zero", "size": 0},
]
os.makedirs(sys.argv[1])
for f in FILES:
    g, size = f["generator"], f["size"]
    if g == "random":
        data = random_bytes(f["seed"], size)
    elif g == "text":
        data = text_bytes(f["seed"], size)
    elif g == "fill":
        data = bytes([f["value"]]) * size
    else:
        data = bytes(size)
    with open(os.path.join(sys.argv[1], f["name"]), "wb") as out:
        out.write(data)
with open(os.path.join(sys.argv[1], "..", "files.json"), "w") as out:
    json.dump(FILES, out)
PY

restic init --repository-version 2 >/dev/null
(cd "$work/data" && restic backup --host golden . >/dev/null)

python3 - "$here/chunks.json" <<'PY'
import hashlib, json, os, subprocess, sys
work = os.environ["GOLDEN_WORK"]

def restic(*args):
    return subprocess.run(["restic", *args], check=True, capture_output=True).stdout

config = json.loads(restic("cat", "config"))
snapshots = json.loads(restic("snapshots", "--json"))
assert len(snapshots) == 1, snapshots
version = restic("version").decode().split()[1]

def file_nodes(tree_id):
    for node in json.loads(restic("cat", "blob", tree_id))["nodes"]:
        if node["type"] == "dir":
            yield from file_nodes(node["subtree"])
        elif node["type"] == "file":
            yield node

nodes = {n["name"]: n for n in file_nodes(snapshots[0]["tree"])}
files = json.load(open(os.path.join(work, "files.json")))
for f in files:
    chunks = []
    for blob in nodes[f["name"]]["content"]:
        data = restic("cat", "blob", blob)
        assert hashlib.sha256(data).hexdigest() == blob, blob
        chunks.append({"length": len(data), "id": blob})
    assert sum(c["length"] for c in chunks) == f["size"], f
    f["chunks"] = chunks
golden = {
    "comment": "made by regenerate.sh with restic " + version + "; do not edit",
    "polynomial": config["chunker_polynomial"],
    "files": files,
}
with open(sys.argv[1], "w") as out:
    json.dump(golden, out, indent=1)
    out.write("\n")
PY
echo "wrote $here/chunks.json"
