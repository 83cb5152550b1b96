package dev.coffer.agent.dump;

import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.BlobLoader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Writes a file's content, blob after blob, while the next few blobs are already being fetched
 * (a file of a thousand blobs on S3 would otherwise wait for a thousand round trips in a row). A
 * blob repeated within the look-ahead window is fetched once. Memory: at most {@code lookahead}
 * blobs (of up to 8 MiB each) at a time. Close it to stop its threads.
 */
final class BlobStreamer implements AutoCloseable {
    private final BlobLoader blobs;
    private final int lookahead;
    private final ExecutorService pool;

    BlobStreamer(BlobLoader blobs, int lookahead) {
        this.blobs = blobs;
        this.lookahead = Math.max(1, lookahead);
        this.pool = Executors.newFixedThreadPool(this.lookahead, r -> {
            Thread t = new Thread(r, "dump-fetch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes the plaintext of the data blobs {@code content} to {@code out}, in order. */
    void write(List<Id> content, OutputStream out) throws IOException {
        Map<Id, CompletableFuture<byte[]>> window = new HashMap<>();
        int submitted = 0;
        try {
            for (int i = 0; i < content.size(); i++) {
                while (submitted < content.size() && submitted <= i + lookahead) {
                    window.computeIfAbsent(content.get(submitted++), this::fetch);
                }
                Id id = content.get(i);
                out.write(await(window.computeIfAbsent(id, this::fetch)));
                if (!content.subList(i + 1, submitted).contains(id)) {
                    window.remove(id);
                }
            }
        } finally {
            window.values().forEach(f -> f.cancel(true));
        }
    }

    private CompletableFuture<byte[]> fetch(Id id) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return blobs.loadBlob(new BlobHandle(id, BlobType.DATA));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, pool);
    }

    private static byte[] await(CompletableFuture<byte[]> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } catch (java.util.concurrent.CancellationException e) {
            throw new InterruptedIOException("blob fetch cancelled");
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
