package dev.coffer.agent.repair;

import dev.coffer.repo.model.Id;
import java.util.List;

/**
 * What {@code repair index} did: index files read and reused, packs whose headers were read, the
 * problems found (damaged index files, missing or unreadable packs), the index files written and
 * removed, and how many packs and blobs the new index covers.
 */
public record RepairReport(int indexFilesReused, int packsRead, List<String> problems, List<Id> written,
        List<Id> removed, int packs, long blobs) {
    public RepairReport {
        problems = List.copyOf(problems);
        written = List.copyOf(written);
        removed = List.copyOf(removed);
    }
}
