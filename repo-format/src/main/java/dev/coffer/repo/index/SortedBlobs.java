package dev.coffer.repo.index;

import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.util.List;
import java.util.function.Consumer;

/**
 * Immutable index entries sorted by id. The first two id bytes select a bucket through
 * {@code dir}; only the remaining 30 bytes are stored.
 */
final class SortedBlobs {
    static final int KEY = 30;
    private static final int BUCKETS = 65536;
    static final SortedBlobs EMPTY = new SortedBlobs(new int[BUCKETS + 1], new byte[0], new long[0], new int[0], new int[0]);

    private final int[] dir;
    private final byte[] ids;
    private final long[] meta;
    private final int[] lengths;
    private final int[] ulens;

    private SortedBlobs(int[] dir, byte[] ids, long[] meta, int[] lengths, int[] ulens) {
        this.dir = dir;
        this.ids = ids;
        this.meta = meta;
        this.lengths = lengths;
        this.ulens = ulens;
    }

    int size() {
        return meta.length;
    }

    long bytes() {
        return (long) dir.length * 4 + ids.length + meta.length * 8L + lengths.length * 4L + ulens.length * 4L;
    }

    static SortedBlobs merge(SortedBlobs old, Staging s) {
        int n = old.size() + s.n;
        int[] count = new int[BUCKETS + 1];
        for (int b = 0; b < BUCKETS; b++) {
            count[b] = old.dir[b + 1] - old.dir[b];
        }
        for (int i = 0; i < s.n; i++) {
            count[bucket(s.ids, i * 32)]++;
        }
        int[] dir = new int[BUCKETS + 1];
        for (int b = 0; b < BUCKETS; b++) {
            dir[b + 1] = dir[b] + count[b];
        }
        SortedBlobs out = new SortedBlobs(dir, new byte[n * KEY], new long[n], new int[n], new int[n]);
        int[] cursor = new int[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            int from = old.dir[b];
            int len = old.dir[b + 1] - from;
            int to = dir[b];
            System.arraycopy(old.ids, from * KEY, out.ids, to * KEY, len * KEY);
            System.arraycopy(old.meta, from, out.meta, to, len);
            System.arraycopy(old.lengths, from, out.lengths, to, len);
            System.arraycopy(old.ulens, from, out.ulens, to, len);
            cursor[b] = to + len;
        }
        for (int i = 0; i < s.n; i++) {
            int b = bucket(s.ids, i * 32);
            int j = cursor[b]++;
            System.arraycopy(s.ids, i * 32 + 2, out.ids, j * KEY, KEY);
            out.meta[j] = s.meta[i];
            out.lengths[j] = s.lengths[i];
            out.ulens[j] = s.ulens[i];
        }
        byte[] tmp = new byte[KEY];
        for (int b = 0; b < BUCKETS; b++) {
            if (dir[b + 1] - dir[b] > 1) {
                out.sort(dir[b], dir[b + 1] - 1, tmp);
            }
        }
        return out;
    }

    private static int bucket(byte[] id, int off) {
        return (id[off] & 0xff) << 8 | (id[off + 1] & 0xff);
    }

    /** Index of an entry with this id and type, or -1. */
    int find(Id id, BlobType type) {
        int b = (id.byteAt(0) & 0xff) << 8 | (id.byteAt(1) & 0xff);
        int lo = dir[b];
        int hi = dir[b + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareKey(mid, id) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < dir[b + 1] && compareKey(i, id) == 0; i++) {
            if (Meta.type(meta[i]) == type) {
                return i;
            }
        }
        return -1;
    }

    void forEachMatch(Id id, BlobType type, List<Id> packs, Consumer<PackedBlob> c) {
        int i = find(id, type);
        if (i < 0) {
            return;
        }
        int b = (id.byteAt(0) & 0xff) << 8 | (id.byteAt(1) & 0xff);
        for (; i < dir[b + 1] && compareKey(i, id) == 0; i++) {
            if (Meta.type(meta[i]) == type) {
                c.accept(get(i, id, packs));
            }
        }
    }

    PackedBlob get(int i, Id id, List<Id> packs) {
        long m = meta[i];
        return new PackedBlob(new BlobHandle(id, Meta.type(m)), packs.get(Meta.pack(m)), Meta.offset(m), lengths[i], ulens[i]);
    }

    void forEach(List<Id> packs, Consumer<PackedBlob> c) {
        byte[] full = new byte[Id.LENGTH];
        for (int b = 0; b < BUCKETS; b++) {
            full[0] = (byte) (b >>> 8);
            full[1] = (byte) b;
            for (int i = dir[b]; i < dir[b + 1]; i++) {
                System.arraycopy(ids, i * KEY, full, 2, KEY);
                c.accept(get(i, Id.of(full), packs));
            }
        }
    }

    private int compareKey(int i, Id id) {
        int base = i * KEY;
        for (int k = 0; k < KEY; k++) {
            int a = ids[base + k] & 0xff;
            int c = id.byteAt(k + 2) & 0xff;
            if (a != c) {
                return a - c;
            }
        }
        return 0;
    }

    private int compare(int i, int j) {
        int a = i * KEY;
        int b = j * KEY;
        for (int k = 0; k < KEY; k++) {
            int x = ids[a + k] & 0xff;
            int y = ids[b + k] & 0xff;
            if (x != y) {
                return x - y;
            }
        }
        return Long.compare(meta[i] & 1, meta[j] & 1);
    }

    /** Quicksort of entries lo..hi inclusive (buckets are small and random, so no worst case worry). */
    private void sort(int lo, int hi, byte[] tmp) {
        while (hi - lo > 12) {
            int mid = (lo + hi) >>> 1;
            swap(mid, hi, tmp);
            int store = lo;
            for (int i = lo; i < hi; i++) {
                if (compare(i, hi) < 0) {
                    swap(i, store++, tmp);
                }
            }
            swap(store, hi, tmp);
            if (store - lo < hi - store) {
                sort(lo, store - 1, tmp);
                lo = store + 1;
            } else {
                sort(store + 1, hi, tmp);
                hi = store - 1;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && compare(j - 1, j) > 0; j--) {
                swap(j - 1, j, tmp);
            }
        }
    }

    private void swap(int i, int j, byte[] tmp) {
        if (i == j) {
            return;
        }
        System.arraycopy(ids, i * KEY, tmp, 0, KEY);
        System.arraycopy(ids, j * KEY, ids, i * KEY, KEY);
        System.arraycopy(tmp, 0, ids, j * KEY, KEY);
        long m = meta[i];
        meta[i] = meta[j];
        meta[j] = m;
        int l = lengths[i];
        lengths[i] = lengths[j];
        lengths[j] = l;
        int u = ulens[i];
        ulens[i] = ulens[j];
        ulens[j] = u;
    }
}
