package dev.coffer.agent.backup;

import dev.coffer.agent.source.ExcludeOptions;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.PackSize;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to back up and how: targets (or a stream), snapshot labels, compression, the target pack
 * size in bytes ({@link PackSize}), excludes, change
 * detection, an explicit parent (null: the latest snapshot of the same host and paths), and whether
 * to skip saving a snapshot identical to its parent.
 */
public record BackupRequest(List<Path> targets, StdinSource stdin, String hostname, List<String> tags,
        int compressionLevel, int packSize, ExcludeOptions excludes, ChangePolicy changes, Id parent, boolean skipIfUnchanged) {
    public BackupRequest {
        targets = List.copyOf(targets);
        if (targets.isEmpty() == (stdin == null)) {
            throw new IllegalArgumentException(stdin == null ? "no backup targets given" : "--stdin takes no file arguments");
        }
        Objects.requireNonNull(hostname, "hostname");
        tags = List.copyOf(tags);
        if (packSize < PackSize.ofMiB(PackSize.MIN_MIB) || packSize > PackSize.ofMiB(PackSize.MAX_MIB)) {
            throw new IllegalArgumentException("pack size out of range: " + packSize);
        }
        Objects.requireNonNull(excludes, "excludes");
        Objects.requireNonNull(changes, "changes");
    }

    /** A plain backup of files with defaults for everything else. */
    public static BackupRequest of(List<Path> targets, String hostname, List<String> tags) {
        return new BackupRequest(targets, null, hostname, tags, 3, PackSize.DEFAULT,
                new ExcludeOptions(List.of(), List.of(), List.of(), false, 0, false), ChangePolicy.DEFAULT, null, false);
    }
}
