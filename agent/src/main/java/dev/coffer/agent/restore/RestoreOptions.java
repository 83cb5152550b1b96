package dev.coffer.agent.restore;

import dev.coffer.agent.source.Pattern;
import java.util.List;

/**
 * Which entries to restore and how: restic's {@code --include}/{@code --exclude} patterns (matched
 * against the path inside the restored tree, e.g. {@code /etc/app.conf}), {@code --sparse} (blocks
 * of zeros become holes) and {@code --verify} (re-read every restored file and check it against
 * the repository's blob ids).
 */
public record RestoreOptions(List<String> includes, List<String> excludes, boolean sparse, boolean verify) {
    public static final RestoreOptions DEFAULT = new RestoreOptions(List.of(), List.of(), false, false);

    public RestoreOptions {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    boolean excluded(String path) {
        return excludes.stream().anyMatch(p -> new Pattern(p, false).matches(path));
    }

    /** True if the path is selected by the includes (all are, when there are none). */
    boolean included(String path) {
        return includes.isEmpty() || includes.stream().anyMatch(p -> new Pattern(p, false).matches(path));
    }
}
