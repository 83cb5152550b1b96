package dev.coffer.agent.backup;

import dev.coffer.repo.chunker.Chunker;
import dev.coffer.repo.chunker.ChunkerTables;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.BlobSaver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one file, cuts it into content-defined chunks, hashes each and hands it to the saver.
 * One instance per worker thread: it owns a buffer of MaxSize plus one read.
 */
final class FileChunker {
    static final int READ = 1024 * 1024;

    private final Chunker chunker;
    private final BlobSaver saver;
    private final byte[] buf = new byte[Chunker.MAX_SIZE + READ];
    private final MessageDigest sha = Id.sha256();

    private final BackupListener listener;

    FileChunker(ChunkerTables tables, BlobSaver saver, BackupListener listener) {
        this.chunker = new Chunker(tables);
        this.saver = saver;
        this.listener = listener;
    }

    /** Result of one file: its data blob ids in order, the bytes read, and how many blobs were new. */
    record Content(List<Id> ids, long size, int newBlobs) {
    }

    Content save(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            return save(ch);
        }
    }

    /** Chunks and saves everything {@code ch} yields until its end. */
    Content save(java.nio.channels.ReadableByteChannel ch) throws IOException {
        List<Id> ids = new ArrayList<>();
        long total = 0;
        int fresh = 0;
        chunker.reset();
        {
            int end = 0;
            int scanned = 0;
            while (true) {
                if (scanned == end) {
                    int n = ch.read(ByteBuffer.wrap(buf, end, READ));
                    if (n < 0) {
                        break;
                    }
                    end += n;
                    total += n;
                    listener.bytes(n);
                    continue;
                }
                int cut = chunker.next(buf, scanned, end - scanned);
                if (cut < 0) {
                    scanned = end;
                    continue;
                }
                int len = scanned + cut;
                if (emit(ids, len)) {
                    fresh++;
                }
                System.arraycopy(buf, len, buf, 0, end - len);
                end -= len;
                scanned = 0;
            }
            if (end > 0 && emit(ids, end)) {
                fresh++;
            }
        }
        return new Content(ids, total, fresh);
    }

    private boolean emit(List<Id> ids, int len) throws IOException {
        sha.update(buf, 0, len);
        Id id = Id.fromDigest(sha);
        ids.add(id);
        return saver.saveBlob(BlobType.DATA, id, buf, 0, len);
    }
}
