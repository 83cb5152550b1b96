package dev.coffer.agent.dump;

import dev.coffer.repo.file.Node;
import dev.coffer.repo.model.Id;

/** What a path in a snapshot names for {@code dump}: a file, or a folder to archive. */
public sealed interface DumpTarget {
    /** A regular file: its content is written as is. */
    record File(Node node) implements DumpTarget {
    }

    /**
     * A folder (or the snapshot's root): its entries are archived with names below
     * {@code path} (without the leading "/"); the folder itself is not an entry.
     */
    record Folder(Id tree, String path) implements DumpTarget {
    }
}
