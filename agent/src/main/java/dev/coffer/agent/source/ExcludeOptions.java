package dev.coffer.agent.source;

import java.util.List;

/** The exclude settings of a backup, as restic's flags give them. */
public record ExcludeOptions(List<String> patterns, List<String> caseInsensitivePatterns, List<String> ifPresent,
        boolean caches, long largerThan, boolean oneFileSystem) {
    public ExcludeOptions {
        patterns = List.copyOf(patterns);
        caseInsensitivePatterns = List.copyOf(caseInsensitivePatterns);
        ifPresent = List.copyOf(ifPresent);
    }

    /** All patterns, for the snapshot's {@code excludes} field. */
    public List<String> allPatterns() {
        List<String> all = new java.util.ArrayList<>(patterns);
        all.addAll(caseInsensitivePatterns);
        return all;
    }
}
