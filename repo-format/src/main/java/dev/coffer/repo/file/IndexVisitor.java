package dev.coffer.repo.file;

import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;

/**
 * Receives the entries of an index file as {@link IndexFile#decode} reads them, in file order.
 * All blobs of one pack entry get the same {@code pack} instance. Implementations should be
 * fast; an exception thrown here aborts decoding and propagates.
 */
@FunctionalInterface
public interface IndexVisitor {
    /**
     * One blob of a pack.
     *
     * @param uncompressedLength plaintext length of a compressed blob, 0 if stored uncompressed
     */
    void blob(Id pack, BlobType type, Id blob, long offset, int length, int uncompressedLength);

    /** An index id listed in {@code supersedes} (written by restic 0.16 and older). Ignored by default. */
    default void supersedes(Id index) {
    }
}
