package dev.coffer.agent.repair;

import dev.coffer.repo.file.IndexFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes index files for whole packs: a pack's blobs always go into one file, and a file is closed
 * before it would exceed 50,000 blobs (restic's limit), unless a single pack has more.
 */
final class IndexWriter {
    static final int MAX_BLOBS = 50_000;

    private IndexWriter() {
    }

    /** Writes the packs' entries (each list holds all blobs of one pack) and returns the new files' ids. */
    static List<Id> write(Repository repo, Collection<List<PackedBlob>> packs) throws IOException {
        List<Id> written = new ArrayList<>();
        List<PackedBlob> batch = new ArrayList<>();
        for (List<PackedBlob> pack : packs) {
            if (!batch.isEmpty() && batch.size() + pack.size() > MAX_BLOBS) {
                written.add(repo.saveUnpacked(FileType.INDEX, IndexFile.encode(batch)));
                batch.clear();
            }
            batch.addAll(pack);
        }
        if (!batch.isEmpty()) {
            written.add(repo.saveUnpacked(FileType.INDEX, IndexFile.encode(batch)));
        }
        return written;
    }

    /** The size a pack holding exactly these blobs has: blobs, header entries, header MAC and IV, length field. */
    static long packSize(List<PackedBlob> blobs) {
        long n = 32 + 4;
        for (PackedBlob b : blobs) {
            n += b.length() + (b.compressed() ? 1 + 4 + 4 + 32 : 1 + 4 + 32);
        }
        return n;
    }
}
