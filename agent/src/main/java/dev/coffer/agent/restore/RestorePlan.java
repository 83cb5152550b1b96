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
        /** Set once the file is named as damaged (some of its blobs cannot be restored). */
        final java.util.concurrent.atomic.AtomicBoolean damaged = new java.util.concurrent.atomic.AtomicBoolean();

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
    /** Files with more than one link, by (device, inode) at backup: the first name restored for each. */
    final Map<List<Long>, FileTarget> byInode = new HashMap<>();
    /** Further names of hard-linked files, and the restored name each is linked to, as restic does. */
    final List<Map.Entry<Path, Path>> hardlinks = new ArrayList<>();
    long totalBytes;

    void addWrite(PackedBlob pb, FileTarget f, long offset) {
        byPack.computeIfAbsent(pb.packId(), k -> new HashMap<>())
                .computeIfAbsent(pb.handle().id(), k -> new BlobUse(pb))
                .writes.add(new Write(f, offset));
        f.pending.incrementAndGet();
    }
}
