package dev.coffer.agent.cli;

import dev.coffer.agent.forget.SnapshotFilter;
import dev.coffer.repo.repository.Snapshot;
import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The snapshots named on {@code forget}'s command line, found as restic 0.14 finds them: a full id
 * or unique prefix, or {@code latest} (the newest matching the filter). A name that matches nothing
 * is warned about and skipped, as restic does; the filter applies to {@code latest} only.
 */
final class ExplicitSnapshots {
    private ExplicitSnapshots() {
    }

    /** Full hex ids of the named snapshots, each once, in argument order. */
    static Set<String> resolve(List<String> names, Collection<Snapshot> all, SnapshotFilter filter, PrintStream err) {
        Set<String> ids = new LinkedHashSet<>();
        boolean usedFilter = false;
        for (String name : names) {
            if (name.equals("latest")) {
                usedFilter = true;
                Snapshot latest = null;
                for (Snapshot s : all) {
                    if (filter.matches(ForgetCommand.toInfo(s)) && (latest == null
                            || !s.file().time().toInstant().isBefore(latest.file().time().toInstant()))) {
                        latest = s;
                    }
                }
                if (latest == null) {
                    err.println("Ignoring \"latest\", no snapshot matched given filter (Paths:" + goList(filter.paths())
                            + " Tags:" + filter.tagLists().toString().replace(",", "") + " Hosts:" + goList(filter.hosts()) + ")");
                } else {
                    ids.add(latest.id().hex());
                }
                continue;
            }
            String prefix = name.toLowerCase(Locale.ROOT);
            List<Snapshot> matches = all.stream().filter(s -> s.id().hex().startsWith(prefix)).toList();
            if (matches.size() == 1) {
                ids.add(matches.get(0).id().hex());
            } else if (matches.isEmpty()) {
                err.println("Ignoring \"" + name + "\": no matching ID found for prefix \"" + name + "\"");
            } else {
                err.println("Ignoring \"" + name + "\": multiple IDs with prefix \"" + name + "\" found");
            }
        }
        if (!usedFilter && !filter.isEmpty()) {
            err.println("Ignoring filters as there are explicit snapshot ids given");
        }
        return ids;
    }

    private static String goList(List<String> l) {
        return "[" + String.join(" ", l) + "]";
    }
}
