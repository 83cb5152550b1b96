package dev.coffer.agent.prune;

import java.util.Objects;

/**
 * The figures restic 0.14 prints for a prune plan. Blob sizes are encrypted lengths without pack
 * headers, except {@code repack} and {@code repackRemoved}, which (as in restic) include the
 * headers of the repacked packs in their used part.
 *
 * @param used              blobs some snapshot needs (one copy each)
 * @param duplicate         surplus copies of used blobs
 * @param unused            blobs no snapshot needs
 * @param unreferencedBytes bytes of packs no index lists
 * @param remove            blobs in packs removed whole (and in missing unneeded packs)
 * @param repack            everything in the packs to repack
 * @param repackRemoved     the unused part of the packs to repack
 * @param packs             pack counts
 */
public record PruneStats(Amount used, Amount duplicate, Amount unused, long unreferencedBytes, Amount remove,
                         Amount repack, Amount repackRemoved, PackCounts packs) {

    public PruneStats {
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(duplicate, "duplicate");
        Objects.requireNonNull(unused, "unused");
        Objects.requireNonNull(remove, "remove");
        Objects.requireNonNull(repack, "repack");
        Objects.requireNonNull(repackRemoved, "repackRemoved");
        Objects.requireNonNull(packs, "packs");
    }

    /** All indexed blobs, and all bytes including unreferenced packs. */
    public Amount total() {
        return new Amount(used.blobs() + unused.blobs() + duplicate.blobs(),
                used.bytes() + duplicate.bytes() + unused.bytes() + unreferencedBytes);
    }

    /** Unused and duplicate bytes before the prune. */
    public long unusedBytes() {
        return duplicate.bytes() + unused.bytes();
    }

    /** What the prune removes: whole packs, the unused part of repacked ones, unreferenced packs. */
    public Amount totalPrune() {
        return new Amount(remove.blobs() + repackRemoved.blobs(),
                remove.bytes() + repackRemoved.bytes() + unreferencedBytes);
    }

    /** What stays. */
    public Amount remaining() {
        return total().minus(totalPrune());
    }

    /** Unused bytes left after the prune. */
    public long unusedAfter() {
        return unusedBytes() - remove.bytes() - repackRemoved.bytes();
    }
}
