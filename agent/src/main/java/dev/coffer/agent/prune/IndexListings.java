package dev.coffer.agent.prune;

import dev.coffer.repo.file.IndexFile;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.util.ArrayList;
import java.util.List;

/** Reads an index file one pack entry at a time, each with its {@link PackListing} fingerprint. */
final class IndexListings {
    /** Receives one pack entry of an index file and its blobs in file order. */
    @FunctionalInterface
    interface Visitor {
        void pack(PackListing listing, List<PackedBlob> blobs);
    }

    private IndexListings() {
    }

    /** Decodes {@code json} (an index file's plaintext), calling {@code visitor} per pack entry. */
    static void read(Id indexId, byte[] json, Visitor visitor) throws CorruptDataException {
        Collector c = new Collector(visitor);
        try {
            IndexFile.decode(json, c::blob);
        } catch (CorruptDataException e) {
            throw new CorruptDataException("index/" + indexId + " does not parse (" + e.getMessage()
                    + "); repair the index with restic before pruning", e);
        }
        c.finishPack();
    }

    private static final class Collector {
        private final Visitor visitor;
        private final List<PackedBlob> pending = new ArrayList<>();
        private Id pack;
        private long hash;

        Collector(Visitor visitor) {
            this.visitor = visitor;
        }

        void blob(Id packId, BlobType type, Id blob, long offset, int length, int ulen) {
            if (packId != pack) {
                finishPack();
                pack = packId;
            }
            pending.add(new PackedBlob(new BlobHandle(blob, type), packId, offset, length, ulen));
            hash += PackListing.entryHash(type, blob, offset, length, ulen);
        }

        void finishPack() {
            if (pack == null) {
                return;
            }
            visitor.pack(new PackListing(pack, pending.size(), hash), List.copyOf(pending));
            pending.clear();
            hash = 0;
            pack = null;
        }
    }
}
