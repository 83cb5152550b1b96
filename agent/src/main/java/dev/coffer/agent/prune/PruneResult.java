package dev.coffer.agent.prune;

/**
 * What a prune did.
 *
 * @param unreferencedDeleted packs deleted because no index listed them
 * @param packsRepacked       packs whose used blobs were copied
 * @param blobsRepacked       blobs copied into new packs
 * @param packsWritten        new packs stored
 * @param indexWritten        index files written (for new packs and by the rewrite)
 * @param indexDeleted        obsolete index files deleted
 * @param packsDeleted        old packs deleted (removed and repacked)
 */
public record PruneResult(long unreferencedDeleted, long packsRepacked, long blobsRepacked, long packsWritten,
                          long indexWritten, long indexDeleted, long packsDeleted) {
}
