package dev.coffer.agent.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** What to back up and how to label the snapshot. */
public record BackupRequest(List<Path> targets, String hostname, List<String> tags, int compressionLevel) {
    public BackupRequest {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no backup targets given");
        }
        Objects.requireNonNull(hostname, "hostname");
        tags = List.copyOf(tags);
    }
}
