package dev.coffer.agent.repair;

import dev.coffer.repo.model.Id;
import java.util.List;

/**
 * What adoption did at the start of a backup: packs and blobs it indexed (and their stored bytes),
 * the index files it wrote, packs it could not read, and why it did nothing although packs were not indexed (null otherwise).
 */
public record AdoptReport(int packs, long blobs, long bytes, List<Id> indexFiles, List<String> problems,
        String skipped) {
    public AdoptReport {
        indexFiles = List.copyOf(indexFiles);
        problems = List.copyOf(problems);
    }

    /** Nothing to adopt: every pack is indexed. */
    static final AdoptReport NONE = new AdoptReport(0, 0, 0, List.of(), List.of(), null);

    static AdoptReport skipped(String why) {
        return new AdoptReport(0, 0, 0, List.of(), List.of(), why);
    }
}
