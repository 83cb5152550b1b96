package dev.coffer.agent.forget;

import java.time.OffsetDateTime;
import java.util.List;

/** Test data helpers. */
final class Snapshots {

    private Snapshots() {
    }

    /** A snapshot whose id is {@code name} padded to 64 characters. */
    static SnapshotInfo sn(String name, String time, String host, List<String> paths, String... tags) {
        String id = (name + "0".repeat(64)).substring(0, 64);
        return new SnapshotInfo(id, OffsetDateTime.parse(time), host, paths, List.of(tags));
    }

    static SnapshotInfo sn(String name, String time, String... tags) {
        return sn(name, time, "h", List.of("/data"), tags);
    }
}
