package dev.coffer.agent.prune;

import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a prune will do: the fate of every pack, the blobs to copy out of the packs to repack, the
 * figures restic prints, and which index file lists which pack (for the index rewrite).
 *
 * @param packs      every pack on storage or in the index, ordered by id, with its action
 * @param copies     where to copy from the used blobs that no kept pack holds: every location of
 *                   each in a pack to repack (at least one) or to remove; the repack reads the
 *                   packs to repack and turns to the others only for a copy it could not read;
 *                   empty when nothing is repacked
 * @param stats      restic's statistics
 * @param indexFiles the index files as loaded
 */
public record PrunePlan(Map<Id, PackUsage> packs, List<PackedBlob> copies, PruneStats stats,
                        List<IndexFileInfo> indexFiles) {

    public PrunePlan {
        Map<Id, PackUsage> copy = new LinkedHashMap<>();
        packs.forEach(copy::put);
        packs = java.util.Collections.unmodifiableMap(copy);
        copies = List.copyOf(copies);
        Objects.requireNonNull(stats, "stats");
        indexFiles = List.copyOf(indexFiles);
    }

    PrunePlan(Collection<PackUsage> packs, List<PackedBlob> copies, PruneStats stats, List<IndexFileInfo> indexFiles) {
        this(byId(packs), copies, stats, indexFiles);
    }

    private static Map<Id, PackUsage> byId(Collection<PackUsage> packs) {
        Map<Id, PackUsage> m = new LinkedHashMap<>();
        packs.stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(p -> m.put(p.id(), p));
        return m;
    }

    /** Packs with the given action, sorted. */
    public Set<Id> packs(PackAction action) {
        Set<Id> out = new TreeSet<>();
        packs.values().stream().filter(p -> p.action() == action).forEach(p -> out.add(p.id()));
        return out;
    }

    /** Stored packs no index lists: deleted first. */
    public Set<Id> removePacksFirst() {
        return packs(PackAction.REMOVE_UNREFERENCED);
    }

    public Set<Id> repackPacks() {
        return packs(PackAction.REPACK);
    }

    /** Packs with no used blob (not counting repacked ones). */
    public Set<Id> removePacks() {
        return packs(PackAction.REMOVE);
    }

    /** Missing, unneeded packs the index still lists. */
    public Set<Id> ignorePacks() {
        return packs(PackAction.FORGET_MISSING);
    }

    /** True if executing the plan would change nothing. */
    public boolean isEmpty() {
        return removePacksFirst().isEmpty() && repackPacks().isEmpty() && removePacks().isEmpty()
                && ignorePacks().isEmpty();
    }

    /** The blobs copied out of the packs to repack. */
    public Set<BlobHandle> keepBlobs() {
        Set<BlobHandle> out = new HashSet<>();
        copies.forEach(pb -> out.add(pb.handle()));
        return out;
    }

    /** Ids of the index files as loaded. */
    public List<Id> indexFileIds() {
        return indexFiles.stream().map(IndexFileInfo::id).toList();
    }
}
