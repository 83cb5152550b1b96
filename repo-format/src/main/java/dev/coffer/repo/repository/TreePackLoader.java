package dev.coffer.repo.repository;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads tree blobs a pack at a time, for walks that read many trees (a backup comparing with its
 * parent snapshot): the first tree asked for from a pack fetches, in one ranged request, the span
 * that holds every tree blob the index places in that pack, and later trees from that pack are
 * opened from memory. Without it, every directory of the parent costs one storage request.
 *
 * <p>A span longer than {@code maxSpan} is not fetched whole (the tree is loaded alone); spans are
 * kept up to {@code maxCached} bytes, least recently used first out. Other blob types are loaded
 * by the repository as usual. Which blobs a pack holds is learnt from one pass over the index at
 * the first tree load. Thread-safe; loads of spans are serialised.
 */
public final class TreePackLoader implements BlobLoader {
    /** 8 MiB spans, 64 MiB kept. */
    public static final long DEFAULT_MAX_SPAN = 8L << 20;
    public static final long DEFAULT_MAX_CACHED = 64L << 20;

    private final Repository repo;
    private final long maxSpan;
    private final long maxCached;
    private final Map<Id, long[]> spans = new HashMap<>();
    private final LinkedHashMap<Id, byte[]> cached = new LinkedHashMap<>(16, 0.75f, true);
    private boolean scanned;
    private long cachedBytes;

    public TreePackLoader(Repository repo, long maxSpan, long maxCached) {
        if (maxSpan < 0 || maxCached < maxSpan) {
            throw new IllegalArgumentException("need 0 <= maxSpan <= maxCached, got " + maxSpan + " and " + maxCached);
        }
        this.repo = repo;
        this.maxSpan = maxSpan;
        this.maxCached = maxCached;
    }

    public TreePackLoader(Repository repo) {
        this(repo, DEFAULT_MAX_SPAN, DEFAULT_MAX_CACHED);
    }

    @Override
    public byte[] loadBlob(BlobHandle h) throws IOException {
        PackedBlob pb = h.type() == BlobType.TREE ? repo.index().lookup(h) : null;
        if (pb == null) {
            return repo.loadBlob(h);
        }
        byte[] span;
        long start;
        synchronized (this) {
            long[] s = span(pb.packId());
            if (s == null || s[1] - s[0] > maxSpan || pb.offset() < s[0] || pb.offset() + pb.length() > s[1]) {
                span = null;
                start = 0;
            } else {
                span = fetch(pb.packId(), s);
                start = s[0];
            }
        }
        if (span == null) {
            return repo.loadBlob(h);
        }
        return BlobCodec.open(repo.key(), repo.zstd(), pb, span, Math.toIntExact(pb.offset() - start));
    }

    /** {start, end} of the tree blobs in {@code pack}, or null; the index is scanned on first use. */
    private long[] span(Id pack) {
        if (!scanned) {
            repo.index().forEach(pb -> {
                if (pb.handle().type() == BlobType.TREE) {
                    long[] s = spans.computeIfAbsent(pb.packId(), k -> new long[] {Long.MAX_VALUE, 0});
                    s[0] = Math.min(s[0], pb.offset());
                    s[1] = Math.max(s[1], pb.offset() + pb.length());
                }
            });
            scanned = true;
        }
        return spans.get(pack);
    }

    private byte[] fetch(Id pack, long[] s) throws IOException {
        byte[] bytes = cached.get(pack);
        if (bytes != null) {
            return bytes;
        }
        bytes = repo.backend().load(FileHandle.of(FileType.PACK, pack), s[0], Math.toIntExact(s[1] - s[0]));
        cached.put(pack, bytes);
        cachedBytes += bytes.length;
        var it = cached.entrySet().iterator();
        while (cachedBytes > maxCached && it.hasNext()) {
            var e = it.next();
            if (e.getKey().equals(pack)) {
                continue;
            }
            cachedBytes -= e.getValue().length;
            it.remove();
        }
        return bytes;
    }
}
