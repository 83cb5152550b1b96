package dev.coffer.agent.stats;

import java.util.Arrays;
import java.util.Optional;

/** restic's counting modes for {@code stats --mode}. */
public enum StatsMode {
    /** Every node of every snapshot, sizes of hard-linked files counted once per snapshot. */
    RESTORE_SIZE("restore-size"),
    /** Each distinct content (sequence of blob ids) once. */
    FILES_BY_CONTENTS("files-by-contents"),
    /** Each distinct blob of each distinct file path once, with plaintext sizes. */
    BLOBS_PER_FILE("blobs-per-file"),
    /** Each tree and data blob the snapshots reference once, with its stored (packed) size. */
    RAW_DATA("raw-data");

    private final String flag;

    StatsMode(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }

    public static Optional<StatsMode> parse(String s) {
        return Arrays.stream(values()).filter(m -> m.flag.equals(s)).findFirst();
    }
}
