package dev.coffer.agent.forget;

import java.util.List;
import java.util.Objects;

/**
 * Why one snapshot is kept.
 *
 * @param snapshot the kept snapshot
 * @param matches  restic's reason texts in restic's order, e.g. {@code has tags [a, b]},
 *                 {@code within 1y2m}, {@code last snapshot}, {@code daily snapshot},
 *                 {@code weekly within 1m}
 * @param counters the bucket counts left after this snapshot
 */
public record KeepReason(SnapshotInfo snapshot, List<String> matches, KeepCounters counters) {

    public KeepReason {
        Objects.requireNonNull(snapshot, "snapshot");
        matches = List.copyOf(matches);
        Objects.requireNonNull(counters, "counters");
    }
}
