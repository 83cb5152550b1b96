package dev.coffer.agent.prune;

import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides what happens to each pack, as restic 0.14's {@code decidePackAction} does: unreferenced
 * packs go first, packs without used blobs go, fully used single-type packs that need no
 * compression stay (small ones are repacked only when there are at least 10), and the rest are
 * repack candidates, taken tree and mixed packs first, then small packs, then by the share of
 * unused bytes, until {@code --max-unused} is met or {@code --max-repack-size} would be passed.
 */
final class PackDecider {
    /** Fewer small packs than this are left alone, so one small pack is not repacked forever. */
    static final int MIN_SMALL_PACKS = 10;

    private final PruneOptions options;
    private final int repoVersion;
    private final Map<Id, PackUsage> result = new TreeMap<>();
    private Amount remove = Amount.ZERO;
    private Amount repack = Amount.ZERO;
    private Amount repackRemoved = Amount.ZERO;
    private long unreferencedBytes;
    private long packsUsed;
    private long packsPartly;
    private long packsUnused;
    private long keep;

    PackDecider(PruneOptions options, int repoVersion) {
        this.options = options;
        this.repoVersion = repoVersion;
    }

    /**
     * @param stored every pack on storage with its size
     * @throws CorruptDataException if a needed pack is missing or its size differs from the index
     */
    PrunePlan decide(PackTally tally, Map<Id, Long> stored, List<IndexFileInfo> indexFiles) throws CorruptDataException {
        long target = options.targetPackSize();
        List<PackUsage> candidates = new ArrayList<>();
        List<PackUsage> small = new ArrayList<>();
        for (Map.Entry<Id, Long> e : new TreeMap<>(stored).entrySet()) {
            Id id = e.getKey();
            long size = e.getValue();
            PackTally.Counts c = tally.packs.get(id);
            if (c == null) {
                result.put(id, new PackUsage(id, null, 0, 0, 0, 0, false, size, PackAction.REMOVE_UNREFERENCED));
                unreferencedBytes += size;
                continue;
            }
            if (c.usedSize + c.unusedSize != size && c.usedBlobs != 0) {
                throw new CorruptDataException("pack " + id.shortHex() + ": calculated size " + (c.usedSize + c.unusedSize)
                        + " does not match real size " + size + "; repair the index (restic rebuild-index) before pruning");
            }
            if (c.usedBlobs == 0) {
                packsUnused++;
            } else if (c.unusedBlobs == 0) {
                packsUsed++;
            } else {
                packsPartly++;
            }
            boolean mustCompress = repoVersion >= 2 && c.kind == PackKind.TREE && c.uncompressed;
            PackUsage p = usage(id, c, mustCompress, size, PackAction.KEEP);
            if (c.usedBlobs == 0) {
                put(p, PackAction.REMOVE);
                remove = remove.plus(c.unusedBlobs, c.unusedSize);
            } else if (options.repackCacheableOnly() && c.kind == PackKind.DATA) {
                put(p, PackAction.KEEP);
            } else if (c.unusedBlobs == 0 && c.kind != PackKind.MIXED && !mustCompress) {
                if (size >= target) {
                    put(p, PackAction.KEEP);
                } else {
                    small.add(p);
                }
            } else {
                candidates.add(p);
            }
        }
        List<Id> missingNeeded = new ArrayList<>();
        for (Map.Entry<Id, PackTally.Counts> e : new TreeMap<>(tally.packs).entrySet()) {
            if (stored.containsKey(e.getKey())) {
                continue;
            }
            PackTally.Counts c = e.getValue();
            if (c.usedBlobs == 0) {
                put(usage(e.getKey(), c, false, -1, PackAction.FORGET_MISSING), PackAction.FORGET_MISSING);
                remove = remove.plus(c.unusedBlobs, c.unusedSize);
            } else {
                missingNeeded.add(e.getKey());
            }
        }
        if (!missingNeeded.isEmpty()) {
            throw new CorruptDataException("the index references " + missingNeeded.size()
                    + " needed pack files which are missing from the repository (e.g. " + missingNeeded.get(0)
                    + "); prune will not start; run 'coffer check' and repair the repository with restic");
        }
        if (small.size() < MIN_SMALL_PACKS) {
            small.forEach(p -> put(p, PackAction.KEEP));
        } else {
            candidates.addAll(small);
        }
        candidates.sort(order(target));
        choose(candidates, tally.used.bytes(), target, tally.unused.bytes());
        PackCounts counts = new PackCounts(packsUsed, packsPartly, packsUnused, count(PackAction.REMOVE_UNREFERENCED),
                keep, count(PackAction.REPACK), count(PackAction.REMOVE));
        PruneStats stats = new PruneStats(tally.used, tally.duplicate, tally.unused, unreferencedBytes, remove, repack,
                repackRemoved, counts);
        return new PrunePlan(result.values(), List.of(), stats, indexFiles);
    }

    private void choose(List<PackUsage> candidates, long usedBytes, long target, long unusedBytes) {
        // restic compares unsigned 64-bit values; -1 stands for "unlimited" (MaxUint64)
        long maxUnusedAfter = options.maxUnused().unlimited() ? -1L : options.maxUnused().limit(usedBytes);
        for (PackUsage p : candidates) {
            long unusedLeft = unusedBytes - remove.bytes() - repackRemoved.bytes();
            boolean reachedUnused = Long.compareUnsigned(unusedLeft, maxUnusedAfter) < 0;
            boolean reachedRepackSize = repack.bytes() + p.indexedSize() >= options.maxRepackBytes();
            boolean largeEnough = p.indexedSize() >= target;
            if (reachedRepackSize) {
                put(p, PackAction.KEEP);
            } else if (p.kind() != PackKind.DATA || p.mustCompress()) {
                repack(p);
            } else if (reachedUnused && largeEnough) {
                put(p, PackAction.KEEP);
            } else {
                repack(p);
            }
        }
    }

    private void repack(PackUsage p) {
        put(p, PackAction.REPACK);
        repack = repack.plus(p.usedBlobs() + p.unusedBlobs(), p.indexedSize());
        repackRemoved = repackRemoved.plus(p.unusedBlobs(), p.unusedSize());
    }

    /** Tree and mixed packs first, then packs below the target size, then the most unused share. */
    private static Comparator<PackUsage> order(long target) {
        return (a, b) -> {
            boolean aData = a.kind() == PackKind.DATA;
            boolean bData = b.kind() == PackKind.DATA;
            if (aData != bData) {
                return aData ? 1 : -1;
            }
            boolean aSmall = a.indexedSize() < target;
            boolean bSmall = b.indexedSize() < target;
            if (aSmall != bSmall) {
                return aSmall ? -1 : 1;
            }
            int c = Long.compareUnsigned(b.unusedSize() * a.usedSize(), a.unusedSize() * b.usedSize());
            return c != 0 ? c : a.id().compareTo(b.id());
        };
    }

    private static PackUsage usage(Id id, PackTally.Counts c, boolean mustCompress, long size, PackAction a) {
        return new PackUsage(id, c.kind, c.usedBlobs, c.unusedBlobs, c.usedSize, c.unusedSize, mustCompress, size, a);
    }

    private void put(PackUsage p, PackAction action) {
        result.put(p.id(), new PackUsage(p.id(), p.kind(), p.usedBlobs(), p.unusedBlobs(), p.usedSize(), p.unusedSize(),
                p.mustCompress(), p.storedSize(), action));
        if (action == PackAction.KEEP) {
            keep++;
        }
    }

    private long count(PackAction a) {
        return result.values().stream().filter(p -> p.action() == a).count();
    }
}
