package dev.coffer.agent.restore;

import java.util.List;

/** What a restore did, and what it could not restore. */
public record RestoreResult(long files, long dirs, long bytes, long verifiedFiles, List<String> errors) {
}
