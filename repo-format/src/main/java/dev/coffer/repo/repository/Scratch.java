package dev.coffer.repo.repository;

import dev.coffer.repo.chunker.Chunker;
import dev.coffer.repo.compress.Zstd;
import dev.coffer.repo.crypto.CryptoKey;

/** Per-thread work buffer, zstd context and staged pack of a {@link BlobUploader}; never shared. */
final class Scratch {
    /** Enough for the largest data chunk, compressed or not, and sealed. */
    private static final int CHUNK_CAP = Zstd.maxCompressedLength(Chunker.MAX_SIZE) + CryptoKey.OVERHEAD;

    /** First size {@link #compressSmaller} grows the array to. */
    private static final int MIN_GROWN = 1 << 20;
    /** Parts of a blob sealed straight into a staged pack are built here. */
    final byte[] slice = new byte[64 * 1024];

    final Zstd zstd;
    /** Compressed and sealed blobs are built here, in place. */
    private byte[] sealed = new byte[0];
    /** This thread's open data pack when packs are staged in files, else null. */
    dev.coffer.repo.pack.StagedPackWriter pack;

    Scratch(int level) {
        zstd = new Zstd(level);
    }

    /**
     * Compresses a data chunk into the work array behind room for the IV and keeps it only if it
     * comes out smaller than the chunk: returns the compressed length, or -1 (also for a frame
     * within zstd's few bytes of slack of the chunk's size: such a chunk is stored as it is). The array grows to
     * what the compressed chunk needs (doubling, retrying when zstd runs out of room), not to
     * zstd's worst-case bound, so compressible data needs less than the chunk size.
     */
    int compressSmaller(byte[] buf, int off, int len) {
        int want = len - 1;
        if (want <= 0) {
            return -1;
        }
        while (true) {
            int cap = Math.min(want, sealed.length - CryptoKey.OVERHEAD);
            if (cap > 0) {
                int n = zstd.compress(buf, off, len, sealed, CryptoKey.IV_SIZE, cap);
                if (n >= 0) {
                    return n;
                }
                if (cap == want) {
                    return -1;
                }
            }
            long grown = Math.max(MIN_GROWN, 2L * sealed.length);
            sealed = new byte[(int) Math.min(grown, (long) want + CryptoKey.OVERHEAD)];
        }
    }

    /** The work array as it is (after {@link #compressSmaller}). */
    byte[] sealed() {
        return sealed;
    }

    /**
     * The work array, at least {@code n} bytes. It grows in steps of half its size (chunks vary),
     * but not past what the largest chunk needs unless a larger blob (a big tree) asks for more.
     */
    byte[] sealed(int n) {
        if (sealed.length < n) {
            long step = sealed.length + (long) (sealed.length >> 1);
            sealed = new byte[(int) Math.max(n, Math.min(step, CHUNK_CAP))];
        }
        return sealed;
    }
}
