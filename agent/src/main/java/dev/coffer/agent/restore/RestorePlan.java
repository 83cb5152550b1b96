package dev.coffer.agent.restore;

import dev.coffer.repo.file.Node;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a restore will do: the directories, files and other entries to create, and for every pack
 * the blobs to take from it and where each goes, so that each pack is fetched once.
 */
final class RestorePlan {
    /** A file being restored; {@code pending} counts blob writes still to do. */
    static final class FileTarget {
        final Path path;
        final Node node;
        final AtomicInteger pending = new AtomicInteger();

        private boolean created;

        FileTarget(Path path, Node node) {
            this.path = path;
            this.node = node;
        }

        /**
         * Creates the file at its final size (holes where nothing is written yet) the first time a
         * worker needs it, so that creating many files runs on all workers.
         */
        synchronized void create() throws java.io.IOException {
            if (created) {
                return;
            }
            java.nio.file.Files.deleteIfExists(path);
            try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(path.toFile(), "rw")) {
                raf.setLength(node.size());
            }
            created = true;
        }
    }

    /** One blob write: into {@code file} at {@code offset}. */
    record Write(FileTarget file, long offset) {
    }

    /** A blob and all the places it goes. */
    static final class BlobUse {
        final PackedBlob blob;
        final List<Write> writes = new ArrayList<>(1);

        BlobUse(PackedBlob blob) {
            this.blob = blob;
        }
    }

    final List<Map.Entry<Path, Node>> dirs = new ArrayList<>();
    final List<FileTarget> files = new ArrayList<>();
    final List<Map.Entry<Path, Node>> others = new ArrayList<>();
    final Map<Id, Map<Id, BlobUse>> byPack = new HashMap<>();
    long totalBytes;

    void addWrite(PackedBlob pb, FileTarget f, long offset) {
        byPack.computeIfAbsent(pb.packId(), k -> new HashMap<>())
                .computeIfAbsent(pb.handle().id(), k -> new BlobUse(pb))
                .writes.add(new Write(f, offset));
        f.pending.incrementAndGet();
    }
}
