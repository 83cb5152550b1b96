package dev.coffer.repo.pack;

import dev.coffer.repo.model.Id;
import java.nio.file.Path;
import java.util.List;

/** A complete pack in a staging file: its id (SHA-256 of the file), the file, its length and its entries. */
public record StagedPack(Id id, Path path, long length, List<PackEntry> entries) {
}
