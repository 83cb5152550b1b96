package dev.coffer.repo.repository;

/** What a session added: new blobs by type, plaintext bytes and stored (packed) bytes. */
public record SaveStats(long dataBlobs, long treeBlobs, long dataAdded, long dataAddedPacked, long packs) {
}
