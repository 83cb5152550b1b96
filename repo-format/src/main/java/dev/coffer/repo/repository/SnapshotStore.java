package dev.coffer.repo.repository;

import dev.coffer.repo.file.SnapshotFile;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.util.List;

/** Reads and writes snapshot files. */
public interface SnapshotStore {
    /** Every snapshot with its id, in no particular order. */
    List<Snapshot> listSnapshots() throws IOException;

    /**
     * Every snapshot that loads, in no particular order; a damaged snapshot file is reported to
     * {@code damaged} and left out instead of failing the listing.
     */
    default List<Snapshot> listSnapshots(java.util.function.BiConsumer<Id, IOException> damaged) throws IOException {
        return listSnapshots();
    }

    Snapshot loadSnapshot(Id id) throws IOException;

    /** Saves a snapshot; call only after every blob it needs is indexed. */
    Id saveSnapshot(SnapshotFile s) throws IOException;
}
