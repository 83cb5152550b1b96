package dev.coffer.agent.diff;

/** The outcome of a comparison: files whose content changed, and what was added and removed. */
public record DiffResult(long changedFiles, DiffCounts added, DiffCounts removed) {
}
