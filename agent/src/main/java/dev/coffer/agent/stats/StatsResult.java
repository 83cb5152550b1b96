package dev.coffer.agent.stats;

/**
 * restic's stats: total bytes, files and blobs counted (what counts depends on the mode), and the
 * number of snapshots processed.
 */
public record StatsResult(long totalSize, long totalFileCount, long totalBlobCount, int snapshotsCount) {
}
