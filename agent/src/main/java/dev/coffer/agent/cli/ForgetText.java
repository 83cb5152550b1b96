package dev.coffer.agent.cli;

import dev.coffer.agent.forget.GroupKey;
import dev.coffer.agent.forget.KeepReason;
import dev.coffer.agent.forget.SnapshotInfo;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** restic 0.14's text output of {@code forget}: group headers, snapshot tables, id sets. */
final class ForgetText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ForgetText() {
    }

    /**
     * restic's {@code PrintSnapshots}: oldest first, times in {@code zone}, with a Reasons column
     * when {@code reasons} is not empty; {@code compact} drops reasons and paths.
     */
    static String snapshots(List<SnapshotInfo> list, List<KeepReason> reasons, boolean compact, ZoneId zone) {
        Map<String, List<String>> why = new HashMap<>();
        reasons.forEach(r -> why.put(r.snapshot().id(), r.matches()));
        List<SnapshotInfo> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing((SnapshotInfo sn) -> sn.time().toInstant()));
        List<String> headers = new ArrayList<>(List.of("ID", "Time"));
        if (compact) {
            headers.addAll(List.of("Host", "Tags  "));
        } else {
            headers.addAll(List.of("Host      ", "Tags      "));
            if (!reasons.isEmpty()) {
                headers.add("Reasons");
            }
            headers.add("Paths");
        }
        GoTable table = new GoTable(headers);
        boolean multiline = false;
        for (SnapshotInfo sn : sorted) {
            List<String> row = new ArrayList<>(List.of(sn.shortId(),
                    sn.time().atZoneSameInstant(zone).format(TIME), sn.hostname()));
            if (compact) {
                row.add(String.join("\n", sn.tags()));
            } else {
                row.add(String.join(",", sn.tags()));
                if (!reasons.isEmpty()) {
                    row.add(String.join("\n", why.getOrDefault(sn.id(), List.of())));
                }
                row.add(String.join("\n", sn.paths()));
                multiline |= sn.paths().size() > 1;
            }
            table.addRow(row);
        }
        table.addFooter(sorted.size() + " snapshots");
        table.blankLineBetweenRows(multiline);
        return table.render();
    }

    /**
     * restic's group header, e.g. {@code snapshots for (host [a], paths [/x, /y]):}. Empty parts
     * (not grouped by, or no tags) are left out; with no part left it is "".
     */
    static String groupHeader(GroupKey key) {
        List<String> parts = new ArrayList<>();
        if (!key.hostname().isEmpty()) {
            parts.add("host [" + key.hostname() + "]");
        }
        if (!key.tags().isEmpty()) {
            parts.add("tags [" + String.join(", ", key.tags()) + "]");
        }
        if (!key.paths().isEmpty()) {
            parts.add("paths [" + String.join(", ", key.paths()) + "]");
        }
        if (parts.isEmpty()) {
            return "";
        }
        return "snapshots for (" + String.join(", ", parts) + "):\n";
    }

    /** Go's {@code %v} of a restic IDSet: short ids, sorted, in braces. */
    static String idSet(Set<String> fullIds) {
        Set<String> sorted = new TreeSet<>(fullIds);
        List<String> shortIds = new ArrayList<>();
        sorted.forEach(id -> shortIds.add(id.substring(0, Math.min(8, id.length()))));
        return "{" + String.join(" ", shortIds) + "}";
    }
}
