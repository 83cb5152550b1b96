package dev.coffer.repo.repository;

import dev.coffer.repo.compress.Zstd;

/** Per-thread work buffers and zstd context of a {@link BlobUploader}; never shared. */
final class Scratch {
    final Zstd zstd;
    byte[] compressed = new byte[0];

    Scratch(int level) {
        zstd = new Zstd(level);
    }
    byte[] sealed = new byte[0];

    byte[] compressed(int n) {
        if (compressed.length < n) {
            compressed = new byte[n];
        }
        return compressed;
    }

    byte[] sealed(int n) {
        if (sealed.length < n) {
            sealed = new byte[n];
        }
        return sealed;
    }
}
