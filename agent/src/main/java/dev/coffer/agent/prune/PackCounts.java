package dev.coffer.agent.prune;

/**
 * Pack counts of a prune plan, as restic reports them.
 *
 * @param used         packs whose every blob is used
 * @param partlyUsed   packs with used and unused blobs
 * @param unused       packs with no used blob
 * @param unreferenced packs no index lists
 * @param keep         packs kept
 * @param repack       packs repacked
 * @param remove       packs removed (not counting unreferenced ones)
 */
public record PackCounts(long used, long partlyUsed, long unused, long unreferenced, long keep, long repack,
                         long remove) {
}
