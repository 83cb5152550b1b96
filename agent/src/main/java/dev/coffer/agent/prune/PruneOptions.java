package dev.coffer.agent.prune;

import java.util.Objects;

/**
 * How much a prune may do, with restic's option names.
 *
 * @param maxUnused           {@code --max-unused}: unused bytes tolerated afterwards
 * @param maxRepackBytes      {@code --max-repack-size}: stop choosing packs to repack before
 *                            their total reaches this; {@link Long#MAX_VALUE} for no limit
 * @param repackCacheableOnly {@code --repack-cacheable-only}: never repack data packs
 * @param repackSmall         {@code --repack-small}: packs below 80% of the pack size count as
 *                            small (default: below 1/25 of it)
 * @param packSize            the repository's target pack size (restic's default 16 MiB)
 */
public record PruneOptions(MaxUnused maxUnused, long maxRepackBytes, boolean repackCacheableOnly,
                           boolean repackSmall, int packSize) {

    public PruneOptions {
        Objects.requireNonNull(maxUnused, "maxUnused");
        if (maxRepackBytes < 0) {
            throw new IllegalArgumentException("max repack size must not be negative: " + maxRepackBytes);
        }
        if (packSize <= 0) {
            throw new IllegalArgumentException("pack size must be positive: " + packSize);
        }
    }

    /** restic's defaults: 5% unused, no repack limit, default pack size. */
    public static PruneOptions defaults() {
        return new PruneOptions(MaxUnused.DEFAULT, Long.MAX_VALUE, false, false, dev.coffer.repo.repository.PackSize.DEFAULT);
    }

    /** Parses a {@code --max-repack-size} value; null or empty means no limit. */
    public static long parseMaxRepackSize(String option) {
        return option == null || option.isEmpty() ? Long.MAX_VALUE : SizeString.parse(option);
    }

    /**
     * Packs smaller than this are "small": restic 0.14 uses 1/25 of the pack size, or 4/5 of it
     * with {@code --repack-small}.
     */
    public long targetPackSize() {
        return repackSmall ? (long) packSize / 5 * 4 : packSize / 25;
    }
}
