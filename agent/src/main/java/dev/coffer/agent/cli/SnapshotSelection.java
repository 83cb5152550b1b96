package dev.coffer.agent.cli;

import dev.coffer.repo.repository.Snapshot;
import dev.coffer.repo.repository.SnapshotStore;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code tag}, {@code find} and {@code stats} pick snapshots, as restic does: the snapshots
 * named (a full id, a unique prefix, or "latest", which honours the filters), or, when none is
 * named, every snapshot the filters match. A name that matches nothing is a warning on stderr
 * ({@code Ignoring "x": ...}) and is skipped; the command still succeeds. Snapshots come oldest
 * first (restic uses the storage listing's order), each once.
 */
final class SnapshotSelection {
    private SnapshotSelection() {
    }

    static List<Snapshot> select(SnapshotStore store, List<String> names, SnapshotFilter filter, PrintStream warn)
            throws IOException {
        List<Snapshot> all = new ArrayList<>(store.listSnapshots());
        all.sort(Comparator.comparing((Snapshot s) -> s.file().time().toInstant()).thenComparing(Snapshot::id));
        if (names.isEmpty()) {
            return all.stream().filter(filter::matches).toList();
        }
        Map<String, Snapshot> picked = new LinkedHashMap<>();
        boolean usedFilter = false;
        for (String name : names) {
            if (name.equals("latest")) {
                usedFilter = true;
                List<Snapshot> matching = all.stream().filter(filter::matches).toList();
                if (matching.isEmpty()) {
                    warn.println("Ignoring \"latest\", no snapshot matched given filter (Paths:" + goList(filter.paths)
                            + " Tags:" + goList(filter.tags) + " Hosts:" + goList(filter.hosts) + ")");
                } else {
                    Snapshot s = matching.get(matching.size() - 1);
                    picked.putIfAbsent(s.id().hex(), s);
                }
                continue;
            }
            String prefix = name.toLowerCase(Locale.ROOT);
            List<Snapshot> matches = all.stream().filter(s -> s.id().hex().startsWith(prefix)).toList();
            if (matches.size() == 1) {
                picked.putIfAbsent(matches.get(0).id().hex(), matches.get(0));
            } else if (matches.isEmpty() || prefix.isEmpty()) {
                warn.println("Ignoring \"" + name + "\": no matching ID found for prefix \"" + name + "\"");
            } else {
                warn.println("Ignoring \"" + name + "\": multiple IDs with prefix \"" + name + "\" found");
            }
        }
        if (!usedFilter && (!filter.hosts.isEmpty() || !filter.tags.isEmpty() || !filter.paths.isEmpty())) {
            warn.println("Ignoring filters as there are explicit snapshot ids given");
        }
        return List.copyOf(picked.values());
    }

    private static String goList(List<String> l) {
        return "[" + String.join(" ", l) + "]";
    }
}
