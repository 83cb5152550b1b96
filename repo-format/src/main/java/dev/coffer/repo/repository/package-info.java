/**
 * The repository facade: init and open with a password, load and save encrypted files and blobs,
 * fill and upload packs, and the narrow role interfaces ({@link dev.coffer.repo.repository.BlobLoader},
 * {@link dev.coffer.repo.repository.BlobSaver}, {@link dev.coffer.repo.repository.SnapshotStore})
 * that engines depend on.
 */
package dev.coffer.repo.repository;
