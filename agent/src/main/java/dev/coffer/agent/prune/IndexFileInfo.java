package dev.coffer.agent.prune;

import dev.coffer.repo.model.Id;
import java.util.List;
import java.util.Objects;

/**
 * What one index file lists.
 *
 * @param id    the index file's id
 * @param blobs number of blob entries in it
 * @param packs its pack entries, in file order
 */
public record IndexFileInfo(Id id, long blobs, List<PackListing> packs) {
    public IndexFileInfo {
        Objects.requireNonNull(id, "id");
        packs = List.copyOf(packs);
    }
}
