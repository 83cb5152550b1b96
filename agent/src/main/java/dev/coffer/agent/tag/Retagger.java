package dev.coffer.agent.tag;

import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.file.SnapshotFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Snapshot;
import dev.coffer.repo.repository.SnapshotStore;
import java.io.IOException;
import java.util.Optional;

/**
 * Applies a {@link TagEdit} to snapshots: saves the changed snapshot as a new file, then removes
 * the old one, so a crash in between leaves both (restic's order; {@code forget} can tidy up).
 * The caller holds an exclusive lock.
 */
public final class Retagger {
    private final SnapshotStore store;
    private final Backend backend;

    public Retagger(SnapshotStore store, Backend backend) {
        this.store = store;
        this.backend = backend;
    }

    /** Retags one snapshot; returns the new snapshot's id, or empty if nothing changed. */
    public Optional<Id> retag(Snapshot s, TagEdit edit) throws IOException {
        Optional<SnapshotFile> changed = edit.apply(s.id(), s.file());
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        Id id = store.saveSnapshot(changed.get());
        backend.remove(FileHandle.of(FileType.SNAPSHOT, s.id()));
        return Optional.of(id);
    }
}
