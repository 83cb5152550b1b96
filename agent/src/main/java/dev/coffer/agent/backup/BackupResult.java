package dev.coffer.agent.backup;

import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.SaveStats;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of one backup: the snapshot saved (null when skipped because nothing changed), its
 * parent, the counters, what was added, and per-file errors.
 */
public record BackupResult(Id snapshotId, Id parent, Id tree, BackupCounters counters, SaveStats added,
        Duration duration, List<String> errors) {

    /** restic's exit code: 0, or 3 when some files could not be read. */
    public int exitCode() {
        return errors.isEmpty() ? 0 : 3;
    }

    public boolean skipped() {
        return snapshotId == null;
    }
}
