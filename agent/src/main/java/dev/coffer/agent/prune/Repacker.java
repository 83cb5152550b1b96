package dev.coffer.agent.prune;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.compress.Zstd;
import dev.coffer.repo.index.BlobIndex;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.repository.BlobCodec;
import dev.coffer.repo.repository.BlobUploader;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.SaveStats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Copies the still-used blobs out of the packs to repack into new packs: each blob is read once,
 * verified (MAC, decompression, hash), and saved again through a {@link BlobUploader} that does
 * not deduplicate against the index (the blobs are in the index, in the very packs that will go).
 * A copy that fails verification is taken from another location if the plan lists one. When
 * {@link #run} returns, the new packs are stored and indexed; the old ones are untouched.
 */
final class Repacker {
    private final Repository repo;
    private final PruneListener listener;
    private final int level;
    private final int packSize;
    private CorruptDataException damage;

    Repacker(Repository repo, PruneListener listener, int level, int packSize) {
        this.repo = repo;
        this.listener = listener;
        this.level = level;
        this.packSize = packSize;
    }

    /** What a repack stored: new packs and the index files listing them. */
    record Repacked(long packs, long indexFiles) {
    }

    /**
     * Repacks: reads the blobs of {@code copies} from the packs in {@code packs}, and from the
     * other packs {@code copies} names only those it could not read intact there.
     */
    Repacked run(Set<Id> packs, List<PackedBlob> copies) throws IOException {
        Map<Id, List<PackedBlob>> byPack = new TreeMap<>();
        Set<BlobHandle> remaining = new HashSet<>();
        for (PackedBlob pb : copies) {
            byPack.computeIfAbsent(pb.packId(), k -> new ArrayList<>()).add(pb);
            remaining.add(pb.handle());
        }
        List<Id> order = new ArrayList<>(new java.util.TreeSet<>(packs));
        byPack.keySet().stream().filter(p -> !packs.contains(p)).forEach(order::add);
        Repacked done;
        try (BlobUploader uploader = new BlobUploader(repo, new BlobIndex(), packSize, 2, level);
                Zstd zstd = new Zstd(Zstd.DEFAULT_LEVEL)) {
            for (Id pack : order) {
                PruneExecutor.checkInterrupt();
                List<PackedBlob> blobs = new ArrayList<>(byPack.getOrDefault(pack, List.of()));
                blobs.removeIf(pb -> !remaining.contains(pb.handle()));
                if (!blobs.isEmpty()) {
                    copy(pack, blobs, remaining, uploader, zstd);
                }
                if (packs.contains(pack)) {
                    listener.changed("repacked pack " + pack.shortHex());
                }
            }
            SaveStats stats = uploader.flush();
            done = new Repacked(stats.packs(), uploader.indexFiles().size());
        }
        if (!remaining.isEmpty()) {
            BlobHandle h = remaining.iterator().next();
            String what = remaining.size() + " blobs could not be repacked, e.g. " + h.type().jsonName() + " " + h.id();
            if (damage != null) {
                throw new CorruptDataException(what + ": " + damage.getMessage() + "; no intact copy exists, so prune"
                        + " stops with no indexed pack deleted; run 'coffer check --read-data'", damage);
            }
            throw new IllegalStateException("internal error: " + what);
        }
        return done;
    }

    /** Reads the range of {@code pack} holding {@code blobs} in one request and saves each blob anew. */
    private void copy(Id pack, List<PackedBlob> blobs, Set<BlobHandle> remaining, BlobUploader uploader, Zstd zstd)
            throws IOException {
        blobs.sort(Comparator.comparingLong(PackedBlob::offset));
        long start = blobs.get(0).offset();
        long end = 0;
        for (PackedBlob pb : blobs) {
            end = Math.max(end, pb.offset() + pb.length());
        }
        byte[] range = repo.backend().load(FileHandle.of(FileType.PACK, pack), start, Math.toIntExact(end - start));
        for (PackedBlob pb : blobs) {
            if (!remaining.contains(pb.handle())) {
                continue;
            }
            byte[] plain;
            try {
                plain = BlobCodec.open(repo.key(), zstd, pb, range, Math.toIntExact(pb.offset() - start));
            } catch (CorruptDataException e) {
                if (damage == null) {
                    damage = e;
                } else {
                    damage.addSuppressed(e);
                }
                continue;
            }
            uploader.saveBlob(pb.handle().type(), pb.handle().id(), plain, 0, plain.length);
            remaining.remove(pb.handle());
        }
    }
}
