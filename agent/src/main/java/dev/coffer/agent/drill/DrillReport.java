package dev.coffer.agent.drill;

import java.util.List;
import java.util.Objects;

/**
 * What a restore drill found.
 *
 * @param snapshotId     the snapshot tested (short id)
 * @param filesInSnapshot regular files the snapshot holds
 * @param filesChecked   files restored and compared
 * @param bytesChecked   their total size
 * @param failures       one line per file that did not come back intact (empty: success)
 */
public record DrillReport(String snapshotId, long filesInSnapshot, long filesChecked, long bytesChecked,
        List<String> failures) {
    public DrillReport {
        Objects.requireNonNull(snapshotId, "snapshotId");
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return failures.isEmpty();
    }
}
