package dev.coffer.repo.chunker;

import java.util.Arrays;
import java.util.Objects;

/**
 * restic's content-defined chunker, fed in slices. Not thread-safe: use one instance per worker
 * thread and reuse it across files, calling {@link #reset()} at the start of each file.
 *
 * <p>Usage: call {@link #next} with the bytes read; a non-negative result {@code n} means the
 * current chunk ends after {@code n} of them, and the rest of the slice must be fed again. At end
 * of file the bytes fed since the last boundary ({@link #pending()}) form the final chunk.
 */
public final class Chunker {
    public static final int MIN_SIZE = 512 * 1024;
    public static final int MAX_SIZE = 8 * 1024 * 1024;
    static final int WINDOW_SIZE = 64;
    static final long SPLIT_MASK = (1L << 20) - 1;
    /** Bytes of each chunk that are only counted, never hashed. */
    static final int SKIP = MIN_SIZE - WINDOW_SIZE;
    private static final int SHIFT = ChunkerTables.SHIFT;
    private static final long LOW37 = (1L << (SHIFT - 8)) - 1;

    private final ChunkerTables tables;
    private final long[] out;
    private final long[] mod;
    private final long[] out8;
    private final long[] out16;
    private final long[] high16;
    private final long[] low16;
    /** The last 64 bytes hashed; {@code window[wpos]} is the oldest. */
    private final byte[] window = new byte[WINDOW_SIZE];
    private int wpos;
    private long digest;
    private int count;

    public Chunker(Polynomial polynomial) {
        this(tables(polynomial));
    }

    public Chunker(ChunkerTables tables) {
        this.tables = tables;
        this.out = tables.out;
        this.mod = tables.mod;
        this.out8 = tables.out8;
        this.out16 = tables.out16;
        this.high16 = tables.high16;
        this.low16 = tables.low16;
        reset();
    }

    /** Builds the tables for a degree-53 polynomial; share the result between chunkers. */
    public static ChunkerTables tables(Polynomial polynomial) {
        return new ChunkerTables(polynomial);
    }

    /** The tables this chunker uses. */
    public ChunkerTables tables() {
        return tables;
    }

    /** Starts a new chunk, as at the beginning of a file. Happens by itself after every cut. */
    public void reset() {
        Arrays.fill(window, (byte) 0);
        // restic slides one 0x01 byte into the empty window: digest = (0 << 8 | 1) ^ mod[0] = 1
        window[0] = 1;
        wpos = 1;
        digest = 1;
        count = 0;
    }

    /** Bytes of the current chunk fed so far: at end of file, the length of the last chunk. */
    public int pending() {
        return count;
    }

    /**
     * Feeds {@code buf[off .. off+len)}.
     *
     * @return the number of bytes from {@code off} up to and including a chunk boundary if one
     *     occurs in the range (the chunker has then started a new chunk; feed the rest of the range
     *     again), or -1 if all {@code len} bytes were consumed without a boundary
     */
    public int next(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        int end = off + len;
        int pos = off;
        int count = this.count;
        if (count < SKIP) {
            int skip = Math.min(SKIP - count, len);
            count += skip;
            pos += skip;
            if (pos == end) {
                this.count = count;
                return -1;
            }
        }
        // hash at most up to MAX_SIZE; the byte that reaches it ends the chunk regardless
        int stop = end - pos <= MAX_SIZE - count ? end : pos + (MAX_SIZE - count);
        int cut = stop - pos <= WINDOW_SIZE ? slideRing(buf, pos, stop, count) : slideFast(buf, pos, stop, count);
        if (cut >= 0) {
            reset();
            return cut - off;
        }
        count += stop - pos;
        if (count == MAX_SIZE) {
            reset();
            return stop - off;
        }
        this.count = count;
        return -1;
    }

    /**
     * Hashes {@code buf[from .. to)} through the ring window, saving the window and digest.
     * Returns the index after the cut, or -1.
     */
    private int slideRing(byte[] buf, int from, int to, int count) {
        long[] out = this.out;
        long[] mod = this.mod;
        byte[] window = this.window;
        long digest = this.digest;
        int wpos = this.wpos;
        // no cut before MIN_SIZE: the 63 bytes hashed earlier only fill the window
        int noCut = MIN_SIZE - 1 - count;
        for (int p = from; p < to; p++) {
            int b = buf[p] & 0xff;
            int o = window[wpos] & 0xff;
            window[wpos] = (byte) b;
            wpos = (wpos + 1) & (WINDOW_SIZE - 1);
            digest ^= out[o];
            digest = ((digest << 8) | b) ^ mod[(int) (digest >>> SHIFT)];
            if ((digest & SPLIT_MASK) == 0 && p - from >= noCut) {
                return p + 1;
            }
        }
        this.digest = digest;
        this.wpos = wpos;
        return -1;
    }

    /**
     * Hashes {@code buf[from .. to)}, more than 64 bytes: the first 64 through the ring window,
     * the rest two bytes a step, reading the bytes that leave the window from {@code buf}.
     * Returns the index after the cut, or -1.
     */
    private int slideFast(byte[] buf, int from, int to, int count) {
        int cut = slideRing(buf, from, from + WINDOW_SIZE, count);
        if (cut >= 0) {
            return cut;
        }
        long[] out = this.out;
        long[] mod = this.mod;
        long[] out8 = this.out8;
        long[] out16 = this.out16;
        long[] high16 = this.high16;
        long[] low16 = this.low16;
        long digest = this.digest;
        int p = from + WINDOW_SIZE;
        // from here on the chunk is at least MIN_SIZE long, so every zero digest cuts
        for (int last = to - 2; p <= last; p += 2) {
            int b1 = buf[p] & 0xff;
            int b2 = buf[p + 1] & 0xff;
            int o1 = buf[p - WINDOW_SIZE] & 0xff;
            int o2 = buf[p - WINDOW_SIZE + 1] & 0xff;
            long e1 = digest ^ out[o1];
            long d1 = ((e1 << 8) | b1) ^ mod[(int) (e1 >>> SHIFT)];
            // the digest two bytes on, straight from the current one: a shorter dependency chain
            long d2 = ((digest & LOW37) << 16)
                    ^ (high16[(int) (digest >>> SHIFT)] ^ low16[(int) (digest >>> (SHIFT - 8)) & 0xff])
                    ^ (out16[o1] ^ out8[o2] ^ (b1 << 8 | b2));
            if ((d1 & SPLIT_MASK) == 0) {
                return p + 1;
            }
            if ((d2 & SPLIT_MASK) == 0) {
                return p + 2;
            }
            digest = d2;
        }
        if (p < to) {
            int b = buf[p] & 0xff;
            digest ^= out[buf[p - WINDOW_SIZE] & 0xff];
            digest = ((digest << 8) | b) ^ mod[(int) (digest >>> SHIFT)];
            if ((digest & SPLIT_MASK) == 0) {
                return p + 1;
            }
        }
        System.arraycopy(buf, to - WINDOW_SIZE, window, 0, WINDOW_SIZE);
        this.wpos = 0;
        this.digest = digest;
        return -1;
    }
}
