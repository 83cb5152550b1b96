package dev.coffer.agent.cli;

import dev.coffer.repo.repository.Snapshot;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** restic's snapshot filter flags: --host, --tag, --path. */
final class SnapshotFilter {
    @Option(names = {"-H", "--host"}, paramLabel = "HOST", description = "only consider snapshots for this host (repeatable)")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG[,TAG]", description = "only consider snapshots with all these tags (repeatable: any of the lists)")
    List<String> tags = new ArrayList<>();

    @Option(names = "--path", paramLabel = "PATH", description = "only consider snapshots including this absolute path (repeatable)")
    List<String> paths = new ArrayList<>();

    boolean matches(Snapshot s) {
        if (!hosts.isEmpty() && !hosts.contains(s.file().hostname())) {
            return false;
        }
        if (!paths.isEmpty() && !s.file().paths().containsAll(paths)) {
            return false;
        }
        if (tags.isEmpty()) {
            return true;
        }
        for (String list : tags) {
            boolean all = true;
            for (String t : list.split(",")) {
                if (!t.isEmpty() && !s.file().tags().contains(t)) {
                    all = false;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
