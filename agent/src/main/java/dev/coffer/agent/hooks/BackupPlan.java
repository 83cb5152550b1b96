package dev.coffer.agent.hooks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backup saves and how its snapshot is tagged; a hook may change it.
 *
 * @param sources absolute paths
 * @param tags    snapshot tags
 */
public record BackupPlan(List<Path> sources, List<String> tags) {
    public BackupPlan {
        sources = List.copyOf(sources);
        tags = List.copyOf(tags);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a backup plan needs a source");
        }
    }

    /** This plan with {@code tag} added (once). */
    public BackupPlan withTag(String tag) {
        if (tags.contains(tag)) {
            return this;
        }
        List<String> t = new ArrayList<>(tags);
        t.add(tag);
        return new BackupPlan(sources, t);
    }

    /** This plan with every source inside {@code folder} (or equal to it) replaced by {@code replacement}. */
    public BackupPlan replacing(Path folder, Path replacement) {
        List<Path> s = new ArrayList<>();
        for (Path p : sources) {
            if (!p.normalize().startsWith(folder.normalize())) {
                s.add(p);
            }
        }
        s.add(replacement);
        return new BackupPlan(s, tags);
    }
}
