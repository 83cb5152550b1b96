package dev.coffer.bench;

import dev.coffer.repo.index.BlobIndex;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import java.util.Random;

/**
 * Builds a frozen index of N random blobs (default 10 million) and prints the heap bytes per
 * blob, measured from the heap before and after (after GC), and as the index's own count.
 * Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.coffer.bench.IndexMemory [N]}.
 */
public final class IndexMemory {
    private IndexMemory() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        Random r = new Random(1);
        byte[] b = new byte[32];
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        BlobIndex index = new BlobIndex();
        Id pack = Id.hash(new byte[0]);
        for (int i = 0; i < n; i++) {
            r.nextBytes(b);
            index.add(i % 2 == 0 ? BlobType.DATA : BlobType.TREE, Id.of(b), pack, i % 16_000_000, 1000 + i % 5000, i % 3 == 0 ? 0 : 2000);
        }
        index.freeze();
        System.gc();
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("blobs: %d%nindex arrays: %.1f bytes/blob%nheap growth: %.1f bytes/blob%n", index.size(),
                index.frozenBytes() / (double) n, (after - before) / (double) n);
        if (!index.has(new dev.coffer.repo.model.BlobHandle(Id.of(b), i(n)))) {
            throw new IllegalStateException("last blob not found");
        }
    }

    private static BlobType i(int n) {
        return (n - 1) % 2 == 0 ? BlobType.DATA : BlobType.TREE;
    }
}
