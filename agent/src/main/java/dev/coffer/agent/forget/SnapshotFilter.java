package dev.coffer.agent.forget;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * restic's snapshot filter options, applied before grouping.
 *
 * @param hosts    {@code --host}: the snapshot's host must be one of these; empty = any host
 * @param tagLists {@code --tag}: the snapshot must have all tags of at least one list; empty = any
 * @param paths    {@code --path}: the snapshot must contain every one of these exact paths
 */
public record SnapshotFilter(List<String> hosts, List<List<String>> tagLists, List<String> paths) {

    /** No filter: every snapshot is considered. */
    public static final SnapshotFilter ALL = new SnapshotFilter(List.of(), List.of(), List.of());

    public SnapshotFilter {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        paths = paths == null ? List.of() : List.copyOf(paths);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> l : tagLists == null ? List.<List<String>>of() : tagLists) {
            copy.add(List.copyOf(Objects.requireNonNull(l, "tag list")));
        }
        tagLists = List.copyOf(copy);
    }

    /** True if no option is set. */
    public boolean isEmpty() {
        return hosts.isEmpty() && tagLists.isEmpty() && paths.isEmpty();
    }

    /** True if the snapshot passes all three options. */
    public boolean matches(SnapshotInfo sn) {
        if (!hosts.isEmpty() && !hosts.contains(sn.hostname())) {
            return false;
        }
        if (!tagLists.isEmpty() && tagLists.stream().noneMatch(sn::hasTags)) {
            return false;
        }
        return sn.hasPaths(paths);
    }
}
