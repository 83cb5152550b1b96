package dev.coffer.repo.repository;

import dev.coffer.repo.model.BlobHandle;
import java.io.IOException;

/** Loads a blob's verified plaintext. Thread-safe. */
public interface BlobLoader {
    /**
     * Returns the plaintext of the blob, decrypted, decompressed and checked against its id.
     *
     * @throws dev.coffer.repo.model.CorruptDataException if the blob is missing from the index or
     *     its bytes do not verify
     */
    byte[] loadBlob(BlobHandle handle) throws IOException;
}
