package dev.coffer.repo.repository;

import dev.coffer.repo.file.IndexFile;
import dev.coffer.repo.index.BlobIndex;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Reads all index files, fetching and decrypting a few at a time, and adds their entries. */
final class IndexLoader {
    private IndexLoader() {
    }

    static void load(Repository repo, BlobIndex index) throws IOException {
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
                byte[] json = Futures.get(files.get(i));
                try {
                    IndexFile.decode(json, (pack, type, blob, offset, length, ulen) ->
                            index.add(type, blob, pack, offset, length, ulen));
                } catch (IOException e) {
                    throw new dev.coffer.repo.model.CorruptDataException("index/" + ids.get(i) + " does not parse: " + e.getMessage(), e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        index.freeze();
    }
}
