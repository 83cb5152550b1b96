package dev.coffer.agent.backup;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * Content that comes from a stream instead of files: standard input ({@code --stdin}) or a
 * command's output ({@code --stdin-from-command}). It is stored as one file named {@code filename}
 * at the snapshot's root, as restic does. When {@code command} is set, the stream is its standard
 * output and a non-zero exit fails the backup before any snapshot is saved.
 */
public record StdinSource(String filename, InputStream stream, List<String> command) {
    public StdinSource {
        Objects.requireNonNull(filename, "filename");
        if (filename.isEmpty() || filename.contains("/")) {
            throw new IllegalArgumentException("invalid --stdin-filename: " + filename);
        }
        command = command == null ? List.of() : List.copyOf(command);
    }
}
