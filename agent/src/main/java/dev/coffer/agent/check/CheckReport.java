package dev.coffer.agent.check;

import java.util.List;
import java.util.Set;

/** What {@code check} found: errors (damage), hints (harmless findings) and the snapshots affected. */
public record CheckReport(List<String> errors, List<String> hints, Set<String> damagedSnapshots, long packsRead,
        long blobsChecked) {
    public boolean ok() {
        return errors.isEmpty();
    }
}
