package dev.coffer.repo.repository;

import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.file.IndexFile;
import dev.coffer.repo.index.BlobIndex;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.model.BlobHandle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Reads all index files, fetching and decrypting a few at a time, and adds their entries. An index
 * file is damaged when it does not match its hash, fails decryption or decompression, does not parse,
 * or vanished after listing; backend errors (network, permissions) are not damage and always fail the
 * load.
 */
final class IndexLoader {
    private IndexLoader() {
    }

    /**
     * @param damaged null: a damaged index file fails the load, with a message saying how to repair
     *     it; otherwise each damaged file is reported to it and none of its entries is added
     */
    static void load(Repository repo, BlobIndex index, BiConsumer<Id, IOException> damaged) throws IOException {
        List<Id> ids = repo.list(FileType.INDEX);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, ids.size())), r -> {
            Thread t = new Thread(r, "index-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<byte[]>> files = new ArrayList<>();
            for (Id id : ids) {
                files.add(pool.submit(() -> repo.loadUnpacked(FileType.INDEX, id)));
            }
            for (int i = 0; i < files.size(); i++) {
                Id id = ids.get(i);
                try {
                    byte[] json = Futures.get(files.get(i));
                    if (damaged == null) {
                        IndexFile.decode(json, (pack, type, blob, offset, length, ulen) ->
                                index.add(type, blob, pack, offset, length, ulen));
                    } else {
                        List<PackedBlob> entries = new ArrayList<>();
                        IndexFile.decode(json, (pack, type, blob, offset, length, ulen) ->
                                entries.add(new PackedBlob(new BlobHandle(blob, type), pack, offset, length, ulen)));
                        for (PackedBlob pb : entries) {
                            index.add(pb.handle().type(), pb.handle().id(), pb.packId(), pb.offset(), pb.length(),
                                    pb.uncompressedLength());
                        }
                    }
                    repo.indexFileLoaded(id);
                } catch (CorruptDataException | NotFoundException | IllegalArgumentException e) {
                    IOException why = e instanceof IOException io ? io : new CorruptDataException(e.getMessage(), e);
                    if (damaged == null) {
                        String msg = why.getMessage() != null && why.getMessage().contains(id.hex()) ? why.getMessage()
                                : "index/" + id + " is damaged: " + why.getMessage();
                        throw new CorruptDataException(msg + "; run 'coffer repair index' to rebuild the index from the packs", e);
                    }
                    damaged.accept(id, why);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        index.freeze();
    }
}
