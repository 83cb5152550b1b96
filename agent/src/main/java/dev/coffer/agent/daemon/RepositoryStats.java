package dev.coffer.agent.daemon;

import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.pack.PackEntry;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The repository's snapshot count (one list request) and size: the packs' sizes as the loaded
 * index implies them (blobs plus headers), which needs no request. Index, snapshot and key files
 * are small and left out.
 */
record RepositoryStats(long snapshots, long bytes) {
    /** Pack header: the encrypted length field and the MAC and nonce of the header. */
    private static final long PACK_OVERHEAD = 4 + 32;

    static RepositoryStats of(Repository repo) throws IOException {
        long snapshots = repo.list(FileType.SNAPSHOT).size();
        Set<Id> packs = new HashSet<>();
        long[] bytes = {0};
        repo.index().forEach((PackedBlob pb) -> {
            packs.add(pb.packId());
            bytes[0] += pb.length() + (pb.compressed() ? PackEntry.COMPRESSED_ENTRY_SIZE : PackEntry.PLAIN_ENTRY_SIZE);
        });
        return new RepositoryStats(snapshots, bytes[0] + packs.size() * PACK_OVERHEAD);
    }
}
