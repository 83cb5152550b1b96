package dev.coffer.repo.model;

import java.util.Objects;

/**
 * Where a blob lives: the pack, the offset and encrypted length inside it, and the plaintext
 * length when the blob is compressed (0 means stored uncompressed, as in restic's index).
 */
public record PackedBlob(BlobHandle handle, Id packId, long offset, int length, int uncompressedLength) {
    public PackedBlob {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(packId, "packId");
        if (offset < 0 || length < 0 || uncompressedLength < 0) {
            throw new IllegalArgumentException("negative offset/length in " + handle + " at " + packId);
        }
    }

    public boolean compressed() {
        return uncompressedLength != 0;
    }

    /** Plaintext length: the uncompressed length if compressed, else length minus the 32 crypto bytes. */
    public int plaintextLength() {
        return compressed() ? uncompressedLength : length - 32;
    }
}
