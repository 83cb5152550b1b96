package dev.coffer.repo.index;

import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import java.util.Arrays;

/** Unsorted, growable primitive arrays of index entries, before {@link SortedBlobs#merge}. */
final class Staging {
    byte[] ids = new byte[32 * 1024];
    long[] meta = new long[1024];
    int[] lengths = new int[1024];
    int[] ulens = new int[1024];
    int n;

    void add(BlobType type, Id blob, int pack, long offset, int length, int ulen) {
        if (n == meta.length) {
            int cap = n * 2;
            ids = Arrays.copyOf(ids, cap * 32);
            meta = Arrays.copyOf(meta, cap);
            lengths = Arrays.copyOf(lengths, cap);
            ulens = Arrays.copyOf(ulens, cap);
        }
        blob.copyTo(ids, n * 32);
        meta[n] = Meta.pack(offset, pack, type);
        lengths[n] = length;
        ulens[n] = ulen;
        n++;
    }

    int size() {
        return n;
    }
}
