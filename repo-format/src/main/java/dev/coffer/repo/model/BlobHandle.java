package dev.coffer.repo.model;

import java.util.Objects;

/** A blob's identity: its plaintext SHA-256 and its type. */
public record BlobHandle(Id id, BlobType type) {
    public BlobHandle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }
}
