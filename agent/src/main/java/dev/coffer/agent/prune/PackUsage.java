package dev.coffer.agent.prune;

import dev.coffer.repo.model.Id;
import java.util.Objects;

/**
 * One pack as prune sees it. Sizes are as restic counts them: {@code usedSize} includes the
 * pack's header, so for an indexed pack {@code usedSize + unusedSize} is the size the pack must
 * have on storage.
 *
 * @param id           the pack id
 * @param kind         blob types in it (null for an unreferenced pack, which no index describes)
 * @param usedBlobs    blobs still needed (a duplicated blob counts as used in one pack only)
 * @param unusedBlobs  blobs no snapshot needs, and surplus copies of duplicates
 * @param usedSize     bytes of used blobs plus the header
 * @param unusedSize   bytes of unused blobs
 * @param mustCompress a v2 tree pack holding uncompressed blobs: always repacked
 * @param storedSize   the size on storage, -1 if the pack is missing
 * @param action       what prune does with it
 */
public record PackUsage(Id id, PackKind kind, int usedBlobs, int unusedBlobs, long usedSize, long unusedSize,
                        boolean mustCompress, long storedSize, PackAction action) {

    public PackUsage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
    }

    /** Size as implied by the index (used + unused, header included). */
    public long indexedSize() {
        return usedSize + unusedSize;
    }
}
