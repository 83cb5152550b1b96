package dev.coffer.repo.repository;

import dev.coffer.repo.chunker.Chunker;
import dev.coffer.repo.compress.Zstd;
import dev.coffer.repo.crypto.CryptoKey;

/** Per-thread work buffer, zstd context and staged pack of a {@link BlobUploader}; never shared. */
final class Scratch {
    /** Enough for the largest data chunk, compressed or not, and sealed. */
    private static final int CHUNK_CAP = Zstd.maxCompressedLength(Chunker.MAX_SIZE) + CryptoKey.OVERHEAD;

    final Zstd zstd;
    /** Compressed and sealed blobs are built here, in place. */
    private byte[] sealed = new byte[0];
    /** This thread's open data pack when packs are staged in files, else null. */
    dev.coffer.repo.pack.StagedPackWriter pack;

    Scratch(int level) {
        zstd = new Zstd(level);
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
