package dev.coffer.agent.forget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * restic's {@code --group-by}: which of host, paths and tags split snapshots into groups that the
 * policy is applied to separately. Groups are defined by the sorted set of paths and of tags, so
 * {@code [/b, /a]} and {@code [/a, /b]} fall into the same group.
 */
public record SnapshotGrouping(boolean byHost, boolean byPaths, boolean byTags) {

    /** restic's default, {@code host,paths}. */
    public static final SnapshotGrouping DEFAULT = new SnapshotGrouping(true, true, false);

    /** {@code ''}: all snapshots form one group. */
    public static final SnapshotGrouping NONE = new SnapshotGrouping(false, false, false);

    /**
     * Parses restic's option text: comma-separated {@code host}/{@code hosts},
     * {@code path}/{@code paths}, {@code tag}/{@code tags}; empty parts are ignored.
     *
     * @throws IllegalArgumentException for an unknown part
     */
    public static SnapshotGrouping parse(String option) {
        boolean host = false;
        boolean paths = false;
        boolean tags = false;
        for (String part : option.split(",", -1)) {
            switch (part) {
                case "host", "hosts" -> host = true;
                case "path", "paths" -> paths = true;
                case "tag", "tags" -> tags = true;
                case "" -> { }
                default -> throw new IllegalArgumentException("unknown grouping option: '" + part
                        + "'; use host, paths and/or tags separated by commas, or '' for no grouping");
            }
        }
        return new SnapshotGrouping(host, paths, tags);
    }

    /** The group key of one snapshot. */
    public GroupKey keyOf(SnapshotInfo sn) {
        return new GroupKey(byHost ? sn.hostname() : "", byPaths ? sorted(sn.paths()) : List.of(),
                byTags ? sorted(sn.tags()) : List.of());
    }

    /**
     * Splits snapshots into groups ordered by key; within a group the input order is kept (the
     * planner's sort is stable, so input order breaks ties between equal times).
     */
    public Map<GroupKey, List<SnapshotInfo>> group(List<SnapshotInfo> snapshots) {
        Map<GroupKey, List<SnapshotInfo>> groups = new TreeMap<>();
        for (SnapshotInfo sn : snapshots) {
            groups.computeIfAbsent(keyOf(sn), k -> new ArrayList<>()).add(sn);
        }
        return groups;
    }

    /** The option text restic would accept for this grouping, e.g. {@code host,paths}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (byHost) {
            parts.add("host");
        }
        if (byPaths) {
            parts.add("paths");
        }
        if (byTags) {
            parts.add("tags");
        }
        return String.join(",", parts);
    }

    static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        copy.sort(GroupKey::compareGo);
        return copy;
    }
}
