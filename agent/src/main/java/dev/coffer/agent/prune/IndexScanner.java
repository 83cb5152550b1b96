package dev.coffer.agent.prune;

import dev.coffer.repo.index.BlobIndex;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.repository.Futures;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads every index file into a blob index of prune's own (whether or not the caller loaded the
 * repository's), remembering which file lists which pack. A pack listed again with the same blobs (left by a prune that died between writing new
 * index files and deleting the old ones) is added to the blob index only once, so it is not
 * mistaken for a pack of duplicate blobs.
 */
final class IndexScanner {
    private IndexScanner() {
    }

    /** What the index files hold: each file's pack listings, and all entries, frozen. */
    record Scan(List<IndexFileInfo> files, BlobIndex index) {
    }

    /** Reads every index file of {@code repo}. */
    static Scan scan(Repository repo) throws IOException {
        BlobIndex index = new BlobIndex();
        List<Id> ids = repo.list(FileType.INDEX);
        ids.sort(null);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, ids.size())), r -> {
            Thread t = new Thread(r, "prune-index-loader");
            t.setDaemon(true);
            return t;
        });
        List<IndexFileInfo> files = new ArrayList<>(ids.size());
        Set<PackListing> seen = new HashSet<>();
        try {
            List<Future<byte[]>> loads = new ArrayList<>();
            for (Id id : ids) {
                loads.add(pool.submit(() -> repo.loadUnpacked(FileType.INDEX, id)));
            }
            for (int i = 0; i < ids.size(); i++) {
                byte[] json = Futures.get(loads.get(i));
                List<PackListing> listings = new ArrayList<>();
                long[] blobs = {0};
                IndexListings.read(ids.get(i), json, (listing, entries) -> {
                    listings.add(listing);
                    blobs[0] += entries.size();
                    if (seen.add(listing)) {
                        for (PackedBlob pb : entries) {
                            index.add(pb.handle().type(), pb.handle().id(), pb.packId(), pb.offset(), pb.length(),
                                    pb.uncompressedLength());
                        }
                    }
                });
                files.add(new IndexFileInfo(ids.get(i), blobs[0], listings));
            }
        } finally {
            pool.shutdownNow();
        }
        index.freeze();
        return new Scan(files, index);
    }
}
