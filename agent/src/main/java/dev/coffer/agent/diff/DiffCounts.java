package dev.coffer.agent.diff;

/**
 * One side's counts: entries only that side has (files, directories, others), and the blobs only
 * it references, with their plaintext bytes.
 */
public record DiffCounts(long files, long dirs, long others, long dataBlobs, long treeBlobs, long bytes) {
}
