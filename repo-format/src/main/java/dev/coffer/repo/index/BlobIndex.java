package dev.coffer.repo.index;

import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Where every blob lives, in a compact form: memory per blob matters for repositories with tens of
 * millions of blobs.
 *
 * <p>Entries loaded from index files are first appended to a staging area, then {@link #freeze()}
 * sorts them by id into flat primitive arrays: 30 bytes of id (the first two bytes are implied by a
 * 65,536-entry directory), 8 bytes of offset, pack number and type, 4 of length and 4 of
 * uncompressed length: 46 bytes per blob, with no per-entry objects. Lookups are a directory jump
 * and a short binary search.
 *
 * <p>Blobs saved while the index is in use go through {@link #addNew}, which is thread-safe, into
 * a small concurrent map that is merged at the next {@link #freeze()}. {@link #add} and
 * {@link #freeze()} are for a single loading thread; lookups may run concurrently with
 * {@link #addNew}.
 */
public final class BlobIndex {
    private final List<Id> packs = new ArrayList<>();
    private final Map<Id, Integer> packNumbers = new HashMap<>();
    private SortedBlobs frozen = SortedBlobs.EMPTY;
    private Staging staging = new Staging();
    private final Map<BlobHandle, PackedBlob> fresh = new ConcurrentHashMap<>();

    /** Adds an entry (loading thread only); visible to lookups after {@link #freeze()}. */
    public void add(BlobType type, Id blob, Id pack, long offset, int length, int uncompressedLength) {
        staging.add(type, blob, packNumber(pack), offset, length, uncompressedLength);
    }

    /** Adds a blob written in this session; thread-safe and visible at once. */
    public void addNew(PackedBlob pb) {
        fresh.putIfAbsent(pb.handle(), pb);
    }

    private synchronized int packNumber(Id pack) {
        Integer n = packNumbers.get(pack);
        if (n == null) {
            n = packs.size();
            packs.add(pack);
            packNumbers.put(pack, n);
        }
        return n;
    }

    /** Sorts staged and new entries into the compact arrays. */
    public synchronized void freeze() {
        for (PackedBlob pb : fresh.values()) {
            staging.add(pb.handle().type(), pb.handle().id(), packNumber(pb.packId()), pb.offset(), pb.length(),
                    pb.uncompressedLength());
        }
        fresh.clear();
        if (staging.size() > 0) {
            frozen = SortedBlobs.merge(frozen, staging);
            staging = new Staging();
        }
    }

    /** The location of a blob, or null if it is not indexed. With duplicates, one of them. */
    public PackedBlob lookup(BlobHandle h) {
        PackedBlob pb = fresh.get(h);
        if (pb != null) {
            return pb;
        }
        int i = frozen.find(h.id(), h.type());
        return i < 0 ? null : frozen.get(i, h.id(), packs);
    }

    public boolean has(BlobHandle h) {
        return fresh.containsKey(h) || frozen.find(h.id(), h.type()) >= 0;
    }

    /** Every location of a blob (more than one when it was stored twice). */
    public List<PackedBlob> lookupAll(BlobHandle h) {
        List<PackedBlob> out = new ArrayList<>(1);
        frozen.forEachMatch(h.id(), h.type(), packs, out::add);
        PackedBlob pb = fresh.get(h);
        if (pb != null && !out.contains(pb)) {
            out.add(pb);
        }
        return out;
    }

    /** Visits every indexed entry (frozen and new). */
    public void forEach(Consumer<PackedBlob> consumer) {
        frozen.forEach(packs, consumer);
        fresh.values().forEach(consumer);
    }

    /** Number of entries (duplicates counted). */
    public long size() {
        return frozen.size() + staging.size() + fresh.size();
    }

    /** Approximate heap bytes used by the frozen arrays, for the memory benchmark. */
    public long frozenBytes() {
        return frozen.bytes();
    }
}
