package dev.coffer.repo.repository;

import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import java.io.IOException;

/** Stores blobs, deduplicated by id. Thread-safe. */
public interface BlobSaver {
    /**
     * Stores {@code buf[off..off+len)} as a blob with plaintext id {@code id} unless the repository
     * (or this session) already has it. Returns true if the blob was new. The bytes may be reused by
     * the caller as soon as this returns.
     */
    boolean saveBlob(BlobType type, Id id, byte[] buf, int off, int len) throws IOException;
}
