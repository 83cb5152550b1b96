package dev.coffer.agent.prune;

import dev.coffer.repo.index.BlobIndex;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.pack.PackEntry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts, from the index, each pack's used and unused blobs (restic's {@code packInfoFromIndex}).
 * Of a blob stored several times exactly one copy counts as used: preferably one in a pack that
 * has other used blobs, so packs made only of surplus copies (left by an interrupted prune) can go.
 */
final class PackTally {
    /** Per-pack counters; {@code usedSize} starts with the header size. */
    static final class Counts {
        PackKind kind;
        int usedBlobs;
        int unusedBlobs;
        long usedSize;
        long unusedSize;
        boolean uncompressed;
    }

    final Map<Id, Counts> packs = new HashMap<>();
    /** One entry per used blob found in the index. */
    final Set<BlobHandle> keep = new HashSet<>();
    Amount used = Amount.ZERO;
    Amount duplicate = Amount.ZERO;
    Amount unused = Amount.ZERO;

    private PackTally() {
    }

    /**
     * Tallies {@code index}; {@code usedBlobs} is consumed.
     *
     * @throws CorruptDataException if a used blob is not in the index (pruning would lose data)
     */
    static PackTally of(BlobIndex index, Set<BlobHandle> usedBlobs) throws CorruptDataException {
        PackTally t = new PackTally();
        Map<BlobHandle, Integer> duplicates = new HashMap<>();
        index.forEach(pb -> {
            BlobHandle h = pb.handle();
            if (usedBlobs.remove(h)) {
                t.keep.add(h);
                t.used = t.used.plus(1, pb.length());
            } else if (t.keep.contains(h)) {
                duplicates.merge(h, 2, (old, two) -> Math.min(255, old + 1));
                t.duplicate = t.duplicate.plus(1, pb.length());
            } else {
                t.unused = t.unused.plus(1, pb.length());
            }
        });
        if (!usedBlobs.isEmpty()) {
            BlobHandle first = usedBlobs.iterator().next();
            throw new CorruptDataException(usedBlobs.size() + " blobs that snapshots need are not in the index (e.g. "
                    + first.type().jsonName() + " " + first.id().shortHex() + "); data seems to be missing, so prune will"
                    + " not start; run 'coffer check' and repair the index with restic");
        }
        index.forEach(pb -> {
            Counts c = t.packs.computeIfAbsent(pb.packId(), k -> {
                Counts n = new Counts();
                n.usedSize = 32 + 4;
                return n;
            });
            c.usedSize += pb.compressed() ? PackEntry.COMPRESSED_ENTRY_SIZE : PackEntry.PLAIN_ENTRY_SIZE;
            PackKind k = pb.handle().type() == BlobType.DATA ? PackKind.DATA : PackKind.TREE;
            c.kind = c.kind == null || c.kind == k ? k : PackKind.MIXED;
            if (!duplicates.containsKey(pb.handle())) {
                if (t.keep.contains(pb.handle())) {
                    c.usedSize += pb.length();
                    c.usedBlobs++;
                } else {
                    c.unusedSize += pb.length();
                    c.unusedBlobs++;
                }
            }
            if (!pb.compressed()) {
                c.uncompressed = true;
            }
        });
        if (!duplicates.isEmpty()) {
            index.forEach(pb -> t.assignDuplicate(pb, duplicates));
        }
        return t;
    }

    private void assignDuplicate(PackedBlob pb, Map<BlobHandle, Integer> duplicates) {
        Integer count = duplicates.get(pb.handle());
        if (count == null) {
            return;
        }
        Counts c = packs.get(pb.packId());
        if (count != 0 && (c.usedBlobs > 0 || count == 1)) {
            c.usedSize += pb.length();
            c.usedBlobs++;
            duplicates.put(pb.handle(), 0);
        } else {
            c.unusedSize += pb.length();
            c.unusedBlobs++;
            if (count != 0) {
                duplicates.put(pb.handle(), count - 1);
            }
        }
    }
}
