package dev.coffer.agent.drill;

import dev.coffer.repo.model.Id;
import java.util.List;
import java.util.Objects;

/**
 * A file chosen for the drill.
 *
 * @param path    inside the snapshot, {@code /}-separated, no leading slash
 * @param size    as recorded in the snapshot
 * @param content its data blob ids in order
 */
record SampledFile(String path, long size, List<Id> content) {
    SampledFile {
        Objects.requireNonNull(path, "path");
        content = List.copyOf(content);
    }
}
