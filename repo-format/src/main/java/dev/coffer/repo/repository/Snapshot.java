package dev.coffer.repo.repository;

import dev.coffer.repo.file.SnapshotFile;
import dev.coffer.repo.model.Id;

/** A snapshot file with its storage id (the id users see). */
public record Snapshot(Id id, SnapshotFile file) {
}
